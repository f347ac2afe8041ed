/*
 * The crosswalk's selection lives in the address (`?frameworks=eu-ai-act,gdpr&themes=retention`), so
 * a comparison can be bookmarked and shared. Pure: no React, no I/O.
 */

export interface UrlSelection {
  frameworks: string[];
  themes: string[];
}

/** Comma-separated ids, as the API takes them: blanks dropped, each id once, in the order given. */
export function parseIdList(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

export function readSelection(params: URLSearchParams): UrlSelection {
  return { frameworks: parseIdList(params.get('frameworks')), themes: parseIdList(params.get('themes')) };
}

/**
 * The address's query for a selection, with its commas left readable; an empty list leaves its
 * parameter out, and an empty selection gives the bare page.
 */
export function selectionSearch(selection: UrlSelection): string {
  const parts = (['frameworks', 'themes'] as const)
    .filter((key) => selection[key].length > 0)
    .map((key) => `${key}=${selection[key].map(encodeURIComponent).join(',')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Keep the ids the library knows, in the order asked, and name the others (an old bookmark, a typo),
 * so the page can say what it left out instead of failing the whole table.
 */
export function knownIds(
  requested: readonly string[],
  known: readonly string[],
): { ids: string[]; unknown: string[] } {
  const library = new Set(known);
  return {
    ids: requested.filter((id) => library.has(id)),
    unknown: requested.filter((id) => !library.has(id)),
  };
}
