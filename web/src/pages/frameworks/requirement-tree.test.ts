import type { RequirementNode, ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { describe, expect, it } from 'vitest';
import { countMatches, filterRequirements, foldText, parentIds, type ShownNode } from './requirement-tree';

function node(
  id: string,
  fields: { group?: boolean; title?: string; summary?: string; themes?: ThemeId[] },
  children: RequirementNode[] = [],
): RequirementNode {
  const group = fields.group ?? false;
  return {
    id,
    framework_id: 'demo',
    parent: null,
    group,
    reference: id.toUpperCase(),
    title: fields.title ?? id,
    summary: group ? null : (fields.summary ?? ''),
    themes: fields.themes ?? [],
    children,
  };
}

const TREE = [
  node('ch-1', { group: true, title: 'General provisions' }, [
    node('art-4', { title: 'AI literacy', summary: 'Staff need training.', themes: ['literacy'] }),
  ]),
  node('ch-3', { group: true, title: 'High-risk systems' }, [
    node(
      'art-12',
      { title: 'Record-keeping', summary: 'Logs are kept automatically.', themes: ['accountability'] },
      [
        node('art-12.2', {
          title: 'Données de journalisation',
          summary: 'Durée de conservation.',
          themes: ['retention'],
        }),
      ],
    ),
    node('art-14', {
      title: 'Human oversight',
      summary: 'People can stop the system.',
      themes: ['human_oversight'],
    }),
  ]),
];

const ids = (nodes: readonly ShownNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.id, n.matches, ids(n.children)] : [n.id, n.matches]));

describe('filterRequirements', () => {
  it('keeps the whole tree, every node matching, when there is no filter', () => {
    const shown = filterRequirements(TREE, {});
    expect(ids(shown)).toEqual([
      ['ch-1', true, [['art-4', true]]],
      [
        'ch-3',
        true,
        [
          ['art-12', true, [['art-12.2', true]]],
          ['art-14', true],
        ],
      ],
    ]);
    expect(countMatches(shown)).toBe(4);
  });

  it('keeps requirements of a theme with their parents shown as context only', () => {
    const shown = filterRequirements(TREE, { theme: 'retention' });
    expect(ids(shown)).toEqual([['ch-3', false, [['art-12', false, [['art-12.2', true]]]]]]);
    expect(countMatches(shown)).toBe(1);
  });

  it('finds every word of the search in the reference, title or summary, ignoring case and accents', () => {
    expect(ids(filterRequirements(TREE, { text: 'STOP people' }))).toEqual([
      ['ch-3', false, [['art-14', true]]],
    ]);
    expect(ids(filterRequirements(TREE, { text: 'donnees' }))).toEqual([
      ['ch-3', false, [['art-12', false, [['art-12.2', true]]]]],
    ]);
    expect(ids(filterRequirements(TREE, { text: 'art-4' }))).toEqual([['ch-1', false, [['art-4', true]]]]);
  });

  it('lets a search find a heading, which is not counted as a requirement', () => {
    const shown = filterRequirements(TREE, { text: 'general' });
    expect(ids(shown)).toEqual([['ch-1', true]]);
    expect(countMatches(shown)).toBe(0);
  });

  it('needs the theme and the search to match the same requirement', () => {
    expect(filterRequirements(TREE, { theme: 'literacy', text: 'oversight' })).toEqual([]);
    expect(ids(filterRequirements(TREE, { theme: 'human_oversight', text: 'oversight' }))).toEqual([
      ['ch-3', false, [['art-14', true]]],
    ]);
  });

  it('treats a blank search as no search', () => {
    expect(countMatches(filterRequirements(TREE, { text: '   ' }))).toBe(4);
  });
});

describe('parentIds', () => {
  it('lists the nodes that have something under them, depth first', () => {
    expect(parentIds(filterRequirements(TREE, {}))).toEqual(['ch-1', 'ch-3', 'art-12']);
  });
});

describe('foldText', () => {
  it('drops accents and case', () => {
    expect(foldText('Données ÉQUITÉ Año')).toBe('donnees equite ano');
  });
});
