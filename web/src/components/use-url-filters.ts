import { useNavigate, useSearchParams } from 'react-router';

export type FilterChanges<K extends string> = Partial<Record<K, string | null>>;

/**
 * Replace the address's query, built from the query as it is now. Two things keep quick successive
 * changes (two picks, fast typing) from replacing each other:
 * - the change starts from the address itself, not from the query of the last render: a navigation
 *   updates the address at once, but a render may still be on its way;
 * - the navigation is rendered at once (`flushSync`, which needs the `RouterProvider` of
 *   `react-router/dom`) rather than in a transition, so the page and its inputs never show an older
 *   query than the address.
 * Replacing rather than pushing keeps filter changes out of the history.
 */
export function useReplaceSearch(): (build: (current: URLSearchParams) => URLSearchParams | string) => void {
  const navigate = useNavigate();
  return (build) => {
    const next = build(new URLSearchParams(window.location.search));
    const search = next.toString();
    void navigate(
      { search: search === '' || search.startsWith('?') ? search : `?${search}` },
      { replace: true, flushSync: true },
    );
  };
}

/**
 * List filters kept in the address bar, so a filtered list can be bookmarked, shared, and is
 * still there after opening a record and coming back. Empty values remove the parameter.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (changes: FilterChanges<K>) => void] {
  const [params] = useSearchParams();
  const replaceSearch = useReplaceSearch();
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const setFilters = (changes: FilterChanges<K>) =>
    replaceSearch((next) => {
      for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return [filters, setFilters];
}
