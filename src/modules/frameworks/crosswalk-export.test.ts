import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SUMMARY_DISCLAIMER, summaryParagraph, type CrosswalkExport } from './crosswalk-brief.js';
import { crosswalkDocx } from './crosswalk-docx.js';
import { crosswalkMarkdown } from './crosswalk-markdown.js';
import { crosswalkXlsx, SHEETS } from './crosswalk-xlsx.js';
import { crosswalk } from './crosswalk.js';
import { buildCatalogue, loadFrameworkCatalogue } from './frameworks.catalogue.js';
import { frameworkFile, themeFile } from './testing/catalogue-fixture.js';
import { readWorkbook } from './testing/workbook.js';
import { wordText, zipEntries } from './testing/zip-entries.js';

const fixture = buildCatalogue(themeFile(), [
  frameworkFile('alpha', [
    { id: 'alpha.1', reference: 'Art. 1', title: 'Notice | consent <first>', themes: ['transparency'] },
    { id: 'alpha.2', reference: 'Art. 2', title: 'Logs', themes: ['transparency', 'retention'] },
  ]),
  frameworkFile('beta', [{ id: 'beta.1', reference: 'P1', title: 'Openness', themes: ['transparency'] }]),
]);

const input: CrosswalkExport = {
  crosswalk: crosswalk(fixture, { frameworks: ['alpha', 'beta'], themes: ['transparency', 'retention'] }),
  generatedOn: '2026-11-30',
};

function cellText(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  const value = sheet.getRow(row).getCell(column).value;
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  return value === null || value === undefined ? '' : String(value);
}

describe('crosswalk XLSX', () => {
  it('reads back as one row per theme and one column per framework, cells listing "reference — title"', async () => {
    const workbook = await readWorkbook(await crosswalkXlsx(input));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SHEETS.crosswalk,
      SHEETS.requirements,
      SHEETS.sources,
    ]);

    const table = workbook.getWorksheet(SHEETS.crosswalk) as ExcelJS.Worksheet;
    expect(table.rowCount).toBe(3);
    expect([1, 2, 3].map((c) => cellText(table, 1, c))).toEqual(['Theme', 'ALPHA', 'BETA']);
    expect(cellText(table, 2, 1)).toBe('Label transparency');
    expect(cellText(table, 2, 2)).toBe('Art. 1 — Notice | consent <first>\nArt. 2 — Logs');
    expect(cellText(table, 2, 3)).toBe('P1 — Openness');
    expect(cellText(table, 3, 1)).toBe('Label retention');
    expect(cellText(table, 3, 2)).toBe('Art. 2 — Logs');
    expect(cellText(table, 3, 3)).toBe('');
  });

  it('lists every mapped requirement with its summary on the Requirements sheet', async () => {
    const workbook = await readWorkbook(await crosswalkXlsx(input));
    const details = workbook.getWorksheet(SHEETS.requirements) as ExcelJS.Worksheet;
    expect(details.rowCount).toBe(5);
    expect([1, 2, 3, 4, 5, 6].map((c) => cellText(details, 2, c))).toEqual([
      'Label transparency',
      'ALPHA',
      'Art. 1',
      'Notice | consent <first>',
      'What alpha.1 asks.',
      'alpha.1',
    ]);
  });

  it('names each source with its issuer, version, dates and link on the Sources sheet', async () => {
    const workbook = await readWorkbook(await crosswalkXlsx(input));
    const sources = workbook.getWorksheet(SHEETS.sources) as ExcelJS.Worksheet;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => cellText(sources, 2, c))).toEqual([
      'ALPHA',
      'The alpha framework',
      'A standards body',
      '1.0',
      '2020-01-02',
      '2020-01-02: Adopted',
      'https://example.org/alpha',
    ]);
    expect(cellText(sources, 3, 7)).toBe('https://example.org/beta');
    const notes = [5, 6].map((r) => cellText(sources, r, 1));
    expect(notes[0]).toContain('Generated on 2026-11-30');
    expect(notes[1]).toBe(SUMMARY_DISCLAIMER);
  });
});

describe('crosswalk DOCX', () => {
  it('is a valid Word package whose document holds the title, summary, table text and sources', async () => {
    const entries = zipEntries(await crosswalkDocx(input));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('<w:tbl>');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(3); // header and two themes
    const text = wordText(xml);
    expect(text).toContain('Crosswalk: ALPHA and BETA');
    expect(text).toContain('Generated on 2026-11-30 by Custos');
    expect(text).toContain(summaryParagraph(input.crosswalk));
    expect(text).toContain('Art. 1 — Notice | consent <first>');
    expect(text).toContain('P1 — Openness');
    expect(text).toContain('The alpha framework. A standards body; 1.0; dated 2020-01-02.');
    expect(text).toContain('2020-01-02: Adopted');
    expect(entries.get('word/_rels/document.xml.rels')?.toString('utf8')).toContain(
      'https://example.org/beta',
    );
  });

  it('builds the brief of the whole shipped library', async () => {
    const catalogue = loadFrameworkCatalogue();
    const all = crosswalk(catalogue, { frameworks: catalogue.frameworks.map((f) => f.info.id) });
    const xml = zipEntries(await crosswalkDocx({ crosswalk: all, generatedOn: '2026-11-30' }))
      .get('word/document.xml')
      ?.toString('utf8');
    expect(wordText(xml ?? '')).toContain('Art. 14 — Human oversight');
  });
});

describe('crosswalk Markdown', () => {
  const markdown = crosswalkMarkdown(input);
  const lines = markdown.split('\n');
  const tableLines = lines.filter((line) => line.startsWith('|'));
  /** Cells of a table line, split on pipes that are not escaped. */
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());

  it('starts with the title, the date and the summary paragraph', () => {
    expect(lines[0]).toBe('# Crosswalk: ALPHA and BETA');
    expect(markdown).toContain('Generated on 2026-11-30 by Custos.');
    expect(markdown).toContain(summaryParagraph(input.crosswalk));
  });

  it('has a header, a separator and one line per theme, all with the same number of cells', () => {
    expect(tableLines).toHaveLength(4);
    expect(cells(tableLines[0] ?? '')).toEqual(['Theme', 'ALPHA', 'BETA']);
    expect(cells(tableLines[1] ?? '')).toEqual(['---', '---', '---']);
    for (const line of tableLines) expect(cells(line)).toHaveLength(3);
  });

  it('escapes pipes and angle brackets and joins requirements with line breaks', () => {
    expect(cells(tableLines[2] ?? '')).toEqual([
      'Label transparency',
      'Art. 1 — Notice \\| consent &lt;first&gt;<br>Art. 2 — Logs',
      'P1 — Openness',
    ]);
    expect(cells(tableLines[3] ?? '')).toEqual(['Label retention', 'Art. 2 — Logs', '—']);
  });

  it('ends with the sources, their dates and links, and the disclaimer', () => {
    const sources = lines.slice(lines.indexOf('## Sources'));
    expect(sources).toContain(
      '- **ALPHA**: The alpha framework. A standards body; 1.0; dated 2020-01-02. <https://example.org/alpha>',
    );
    expect(sources.some((line) => line.includes('<https://example.org/beta>'))).toBe(true);
    expect(markdown.trimEnd().endsWith(`_${SUMMARY_DISCLAIMER}_`)).toBe(true);
  });
});
