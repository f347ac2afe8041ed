import type { RequirementNode, ThemeId } from '@server/modules/frameworks/frameworks.schema';

/* Filtering a framework's requirement tree by theme and by text. Pure: no I/O, no React. */

export interface RequirementFilter {
  /** Words to find in the reference, title or summary; every word must appear. */
  text?: string;
  /** A theme id: only requirements tagged with it match (headings never do). */
  theme?: ThemeId;
}

export type ShownNode = Omit<RequirementNode, 'children'> & {
  /** False for a heading or requirement shown only because something under it matches. */
  matches: boolean;
  children: ShownNode[];
};

/** Lower case without accents, so "donnees" finds "données" and "GDPR" finds "gdpr". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function matcher({ text = '', theme }: RequirementFilter): (node: RequirementNode) => boolean {
  const words = foldText(text).split(/\s+/).filter(Boolean);
  return (node) => {
    if (theme && !node.themes.includes(theme)) return false;
    if (words.length === 0) return true;
    const haystack = foldText([node.reference, node.title, node.summary ?? ''].join(' '));
    return words.every((word) => haystack.includes(word));
  };
}

/**
 * The tree cut down to what matches, keeping the headings and parents above each match so it is
 * shown in context. With no filter every node is kept and matches.
 */
export function filterRequirements(
  nodes: readonly RequirementNode[],
  filter: RequirementFilter,
): ShownNode[] {
  const matches = matcher(filter);
  const visit = (list: readonly RequirementNode[]): ShownNode[] =>
    list.flatMap((node) => {
      const children = visit(node.children);
      const self = matches(node);
      return self || children.length > 0 ? [{ ...node, matches: self, children }] : [];
    });
  return visit(nodes);
}

/** How many requirements (not headings) match in a filtered tree. */
export function countMatches(nodes: readonly ShownNode[]): number {
  return nodes.reduce(
    (sum, node) => sum + (node.matches && !node.group ? 1 : 0) + countMatches(node.children),
    0,
  );
}

/** The ids of the nodes that have something under them: the ones that can be collapsed. */
export function parentIds(nodes: readonly ShownNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.id, ...parentIds(node.children)] : []));
}
