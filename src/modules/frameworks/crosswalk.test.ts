import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { summaryParagraph } from './crosswalk-brief.js';
import { crosswalk } from './crosswalk.js';
import { loadFrameworkCatalogue } from './frameworks.catalogue.js';
import { THEME_IDS } from './frameworks.schema.js';
import { fixtureCatalogue } from './testing/catalogue-fixture.js';

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the crosswalk to be refused');
}

describe('crosswalk', () => {
  const catalogue = fixtureCatalogue();

  it('gives one row per theme asked and one cell per framework, in the order asked', () => {
    const table = crosswalk(catalogue, {
      frameworks: ['beta', 'alpha'],
      themes: ['redress', 'transparency'],
    });
    expect(table.frameworks.map((f) => f.id)).toEqual(['beta', 'alpha']);
    expect(table.themes).toEqual(['redress', 'transparency']);
    expect(table.rows.map((r) => r.theme)).toEqual([
      { id: 'redress', label: 'Label redress' },
      { id: 'transparency', label: 'Label transparency' },
    ]);
    for (const row of table.rows) expect(row.cells.map((c) => c.framework_id)).toEqual(['beta', 'alpha']);
    expect(table.rows[0]?.cells.map((c) => c.requirements.map((r) => r.id))).toEqual([['beta.2'], []]);
    expect(table.rows[0]?.requirement_count).toBe(1);
  });

  it('lists each requirement with its reference, title and summary', () => {
    const table = crosswalk(catalogue, { frameworks: ['beta'], themes: ['transparency'] });
    expect(table.rows[0]?.cells[0]?.requirements).toEqual([
      { id: 'beta.1', reference: '1', title: 'Title of beta.1', summary: 'What beta.1 asks.' },
    ]);
    expect(table.frameworks[0]).toMatchObject({
      short_title: 'BETA',
      source_url: 'https://example.org/beta',
      date: '2020-01-02',
      dates: [{ date: '2020-01-02', event: 'Adopted' }],
    });
  });

  it('covers every theme in the fixed order when no theme is named', () => {
    const table = crosswalk(catalogue, { frameworks: ['alpha'] });
    expect(table.rows.map((r) => r.theme.id)).toEqual([...THEME_IDS]);
    expect(crosswalk(catalogue, { frameworks: ['alpha'], themes: [] }).themes).toEqual([...THEME_IDS]);
  });

  it('keeps only the most specific requirement when a parent and its child map to the same theme', () => {
    const table = crosswalk(catalogue, { frameworks: ['alpha'], themes: ['transparency', 'accountability'] });
    const ids = table.rows.map((row) => row.cells[0]?.requirements.map((r) => r.id));
    // alpha.1 maps to both; its child alpha.1-1 to transparency only.
    expect(ids).toEqual([['alpha.1-1'], ['alpha.1']]);
  });

  it('never lists group headings', () => {
    const table = crosswalk(catalogue, { frameworks: ['alpha'] });
    const listed = table.rows.flatMap((row) => row.cells.flatMap((c) => c.requirements.map((r) => r.id)));
    expect(listed).not.toContain('alpha.part-1');
  });

  it('ignores repeated ids', () => {
    const table = crosswalk(catalogue, {
      frameworks: ['alpha', 'alpha'],
      themes: ['retention', 'retention'],
    });
    expect(table.frameworks).toHaveLength(1);
    expect(table.rows).toHaveLength(1);
  });

  it('refuses unknown framework and theme ids, naming each of them', () => {
    const error = refusal(() =>
      crosswalk(catalogue, { frameworks: ['alpha', 'gamma'], themes: ['retention', 'openness'] }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('unknown framework "gamma"; unknown theme "openness"');
    expect(error.details).toEqual({
      issues: [
        { path: 'frameworks', message: 'unknown framework "gamma"' },
        { path: 'themes', message: 'unknown theme "openness"' },
      ],
    });
  });

  it('refuses a crosswalk of no framework', () => {
    expect(refusal(() => crosswalk(catalogue, { frameworks: [] })).message).toBe(
      'name at least one framework id',
    );
  });

  it('maps the shipped frameworks: NIST privacy goes to MEASURE 2.10, not to MEASURE 2 as well', () => {
    const table = crosswalk(loadFrameworkCatalogue(), {
      frameworks: ['nist-ai-rmf', 'gdpr'],
      themes: ['privacy_data_protection'],
    });
    const nist = table.rows[0]?.cells[0]?.requirements.map((r) => r.reference);
    expect(nist).toContain('MEASURE 2.10');
    expect(nist).not.toContain('MEASURE 2');
    expect(table.rows[0]?.cells[1]?.requirements.map((r) => r.reference)).toContain('Art. 5');
  });
});

describe('summaryParagraph', () => {
  const catalogue = fixtureCatalogue();

  it('names the frameworks with their dates and counts requirements per theme', () => {
    const text = summaryParagraph(
      crosswalk(catalogue, { frameworks: ['alpha', 'beta'], themes: ['transparency', 'accountability'] }),
    );
    expect(text).toContain(
      'This brief compares 2 frameworks, ALPHA (2020-01-02) and BETA (2020-01-02), across 2 themes',
    );
    expect(text).toContain('with 4 mapped requirements in all.');
    expect(text).toContain('Requirements per theme: Label transparency 2, Label accountability 2.');
    expect(text).toContain('More than half of the frameworks address every theme selected.');
  });

  it('points out themes covered by at most half of the frameworks, and themes none of them covers', () => {
    const text = summaryParagraph(
      crosswalk(catalogue, { frameworks: ['alpha', 'beta'], themes: ['retention', 'redress', 'literacy'] }),
    );
    expect(text).toContain(
      'Coverage is thin for Label retention (only ALPHA) and Label redress (only BETA).',
    );
    expect(text).toContain('None of them addresses Label literacy.');
    expect(text).not.toContain('More than half');
  });
});
