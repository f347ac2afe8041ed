import { buildCatalogue, type DataFile, type FrameworkCatalogue } from '../frameworks.catalogue.js';
import { THEME_IDS } from '../frameworks.schema.js';

/* Small, hand-made framework files for tests of the loader and the crosswalk. */

export function themeFile(ids: readonly string[] = THEME_IDS): DataFile {
  return {
    name: 'data/frameworks/themes.yaml',
    content: {
      themes: ids.map((id) => ({
        id,
        labels: { en: `Label ${id}`, fr: `Libellé ${id}`, es: `Etiqueta ${id}` },
        descriptions: { en: `About ${id}`, fr: `À propos de ${id}`, es: `Sobre ${id}` },
      })),
    },
  };
}

export interface EntryInit {
  id: string;
  parent?: string;
  group?: boolean;
  reference?: string;
  title?: string;
  summary?: string;
  themes?: string[];
}

export function frameworkFile(
  id: string,
  requirements: EntryInit[],
  overrides: Record<string, unknown> = {},
): DataFile {
  return {
    name: `data/frameworks/${id}.yaml`,
    content: {
      id,
      title: `The ${id} framework`,
      short_title: id.toUpperCase(),
      issuer: 'A standards body',
      kind: 'principles',
      version: '1.0',
      date: '2020-01-02',
      dates: [{ date: '2020-01-02', event: 'Adopted' }],
      source_url: `https://example.org/${id}`,
      licence: 'Summaries are ours.',
      requirements: requirements.map((entry) => ({
        reference: entry.id.split('.').slice(1).join('.'),
        title: `Title of ${entry.id}`,
        ...(entry.group ? {} : { summary: `What ${entry.id} asks.` }),
        ...entry,
      })),
      ...overrides,
    },
  };
}

/**
 * Two frameworks: "alpha" with a group, a parent and a child that both map to transparency, and
 * "beta" with flat principles.
 */
export function fixtureCatalogue(): FrameworkCatalogue {
  return buildCatalogue(themeFile(), [
    frameworkFile('alpha', [
      { id: 'alpha.part-1', group: true },
      { id: 'alpha.1', parent: 'alpha.part-1', themes: ['transparency', 'accountability'] },
      { id: 'alpha.1-1', parent: 'alpha.1', themes: ['transparency'] },
      { id: 'alpha.2', parent: 'alpha.part-1', themes: ['retention'] },
    ]),
    frameworkFile('beta', [
      { id: 'beta.1', themes: ['transparency'] },
      { id: 'beta.2', themes: ['accountability', 'redress'] },
    ]),
  ]);
}
