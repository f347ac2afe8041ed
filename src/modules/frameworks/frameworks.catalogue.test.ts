import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildCatalogue,
  defaultFrameworksDir,
  FrameworkDataError,
  loadFrameworkCatalogue,
  readCatalogue,
  requirementTree,
  THEMES_FILE,
} from './frameworks.catalogue.js';
import { LANGUAGES, MAX_SUMMARY_CHARS, THEME_IDS } from './frameworks.schema.js';
import { fixtureCatalogue, frameworkFile, themeFile } from './testing/catalogue-fixture.js';

function problemsOf(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof FrameworkDataError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('the shipped frameworks library', () => {
  const dir = defaultFrameworksDir();
  const catalogue = readCatalogue(dir);
  const frameworkFiles = fs.readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== THEMES_FILE);

  it('loads every framework file, one framework per file', () => {
    expect(frameworkFiles.length).toBeGreaterThanOrEqual(10);
    expect(catalogue.frameworks.map((f) => `${f.info.id}.yaml`).sort()).toEqual([...frameworkFiles].sort());
  });

  it('covers the ten frameworks the issue names', () => {
    expect(catalogue.frameworks.map((f) => f.info.id).sort()).toEqual([
      'eu-ai-act',
      'gdpr',
      'iasc-data-responsibility',
      'iom-data-protection-principles',
      'iso-iec-42001',
      'nist-ai-rmf',
      'oecd-ai-principles',
      'un-personal-data-principles',
      'un-system-ai-principles',
      'unesco-ai-ethics',
    ]);
  });

  it('labels every theme in English, French and Spanish', () => {
    expect(catalogue.themes.map((t) => t.id)).toEqual([...THEME_IDS]);
    for (const theme of catalogue.themes)
      for (const lang of LANGUAGES) {
        expect(theme.labels[lang].length, `${theme.id} ${lang}`).toBeGreaterThan(0);
        expect(theme.descriptions[lang].length, `${theme.id} ${lang}`).toBeGreaterThan(0);
      }
    expect(catalogue.theme('privacy_data_protection')?.labels.fr).toBe(
      'Vie privée et protection des données',
    );
  });

  it('uses each theme in at least three frameworks', () => {
    for (const theme of THEME_IDS) {
      const using = catalogue.frameworks.filter((f) => f.requirements.some((r) => r.themes.includes(theme)));
      expect(using.length, theme).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves no requirement without a theme or a summary', () => {
    const requirements = catalogue.frameworks.flatMap((f) => f.requirements).filter((r) => !r.group);
    expect(requirements.length).toBeGreaterThan(200);
    for (const requirement of requirements) {
      expect(requirement.themes.length, requirement.id).toBeGreaterThan(0);
      expect(requirement.summary?.length ?? 0, requirement.id).toBeGreaterThan(0);
    }
  });

  it('gives every framework a source, a date and a licence note', () => {
    for (const { info } of catalogue.frameworks) {
      expect(info.source_url, info.id).toMatch(/^https:\/\//);
      expect(info.date, info.id).toMatch(/^\d{4}/);
      expect(info.licence.length, info.id).toBeGreaterThan(20);
      expect(info.requirement_count, info.id).toBeGreaterThan(0);
    }
  });

  it('keeps ISO/IEC 42001 to titles and one-line statements of intent', () => {
    const iso = catalogue.framework('iso-iec-42001');
    const requirements = iso?.requirements.filter((r) => !r.group) ?? [];
    // Clauses 4.1–10.2 (27 entries) and the 38 Annex A controls.
    expect(requirements.filter((r) => r.reference.startsWith('A.'))).toHaveLength(38);
    expect(requirements).toHaveLength(65);
    for (const requirement of requirements)
      expect(requirement.summary?.length, requirement.id).toBeLessThan(160);
  });

  it('is read once and then served from memory', () => {
    expect(loadFrameworkCatalogue(dir)).toBe(loadFrameworkCatalogue(dir));
  });
});

describe('catalogue validation', () => {
  it('accepts well-formed files and orders frameworks by short title', () => {
    const catalogue = fixtureCatalogue();
    expect(catalogue.frameworks.map((f) => f.info.id)).toEqual(['alpha', 'beta']);
    expect(catalogue.framework('alpha')?.info).toMatchObject({
      requirement_count: 3,
      themes: ['transparency', 'accountability', 'retention'],
    });
  });

  it('refuses duplicate ids, missing parents, unknown themes and ids outside the framework', () => {
    const problems = problemsOf(() =>
      buildCatalogue(themeFile(), [
        frameworkFile('alpha', [
          { id: 'alpha.1', themes: ['transparency'] },
          { id: 'alpha.1', themes: ['transparency'] },
          { id: 'alpha.2', parent: 'alpha.9', themes: ['transparency'] },
          { id: 'alpha.3', themes: ['openness'] },
          { id: 'beta.4', themes: ['transparency'] },
        ]),
      ]),
    );
    expect(problems).toEqual([
      'data/frameworks/alpha.yaml: alpha.1: the id is used twice',
      'data/frameworks/alpha.yaml: alpha.2: parent "alpha.9" does not exist in this framework',
      'data/frameworks/alpha.yaml: alpha.3: unknown theme "openness"',
      'data/frameworks/alpha.yaml: beta.4: the id must start with "alpha."',
    ]);
  });

  it('refuses a requirement without a theme or summary, and a group that carries themes or has no entries', () => {
    const problems = problemsOf(() =>
      buildCatalogue(themeFile(), [
        frameworkFile('alpha', [
          { id: 'alpha.1', themes: [] },
          { id: 'alpha.2', group: true, themes: ['transparency'] },
        ]),
        frameworkFile('beta', [{ id: 'beta.1', group: true }]),
      ]),
    );
    expect(problems).toEqual([
      'data/frameworks/alpha.yaml: requirements.0.themes: a requirement needs at least one theme',
      'data/frameworks/alpha.yaml: requirements.1.themes: a group entry carries no themes',
      'data/frameworks/beta.yaml: beta.1: a group needs entries under it',
    ]);
  });

  it('refuses summaries longer than two or three sentences and unknown fields', () => {
    const problems = problemsOf(() =>
      buildCatalogue(themeFile(), [
        frameworkFile('alpha', [
          { id: 'alpha.1', themes: ['transparency'], summary: 'x'.repeat(MAX_SUMMARY_CHARS + 1) },
        ]),
        frameworkFile('beta', [{ id: 'beta.1', themes: ['transparency'] }], { colour: 'blue' }),
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^data\/frameworks\/alpha\.yaml: requirements\.0\.summary: /);
    expect(problems[1]).toBe('data/frameworks/beta.yaml: (root): Unrecognized key: "colour"');
  });

  it('refuses parents that loop, a file named after another id, and a framework id used twice', () => {
    const misnamed = frameworkFile('gamma', [{ id: 'gamma.1', themes: ['transparency'] }]);
    const problems = problemsOf(() =>
      buildCatalogue(themeFile(), [
        frameworkFile('alpha', [
          { id: 'alpha.1', parent: 'alpha.2', themes: ['transparency'] },
          { id: 'alpha.2', parent: 'alpha.1', themes: ['transparency'] },
        ]),
        { ...misnamed, name: 'data/frameworks/delta.yaml' },
        frameworkFile('alpha', [{ id: 'alpha.9', themes: ['transparency'] }]),
      ]),
    );
    expect(problems).toEqual([
      'data/frameworks/alpha.yaml: alpha.1: its parents form a loop',
      'data/frameworks/alpha.yaml: alpha.2: its parents form a loop',
      'data/frameworks/delta.yaml: the file of framework "gamma" must be named gamma.yaml',
      'data/frameworks/alpha.yaml: framework id "alpha" is used twice',
    ]);
  });

  it('refuses a theme file that misses a fixed theme or adds one', () => {
    const problems = problemsOf(() =>
      buildCatalogue(themeFile([...THEME_IDS.filter((id) => id !== 'literacy'), 'openness']), [
        frameworkFile('alpha', [{ id: 'alpha.1', themes: ['transparency'] }]),
      ]),
    );
    expect(problems).toEqual([
      'data/frameworks/themes.yaml: unknown theme id "openness"',
      'data/frameworks/themes.yaml: theme "literacy" is missing',
    ]);
  });

  it('reports a YAML syntax error with the file name', () => {
    const dir = fs.mkdtempSync(
      path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'custos-frameworks-'),
    );
    try {
      fs.copyFileSync(path.join(defaultFrameworksDir(), THEMES_FILE), path.join(dir, THEMES_FILE));
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\nrequirements: [\n');
      expect(problemsOf(() => readCatalogue(dir))[0]).toMatch(/^data\/frameworks\/broken\.yaml: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('requirementTree', () => {
  it('nests requirements under their parents in file order', () => {
    const alpha = fixtureCatalogue().framework('alpha');
    const tree = requirementTree(alpha?.requirements ?? []);
    expect(tree.map((n) => n.id)).toEqual(['alpha.part-1']);
    expect(tree[0]?.children.map((n) => n.id)).toEqual(['alpha.1', 'alpha.2']);
    expect(tree[0]?.children[0]?.children.map((n) => n.id)).toEqual(['alpha.1-1']);
  });
});
