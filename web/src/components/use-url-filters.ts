import { useSearchParams } from 'react-router';

export type FilterChanges<K extends string> = Partial<Record<K, string | null>>;

/**
 * List filters kept in the address bar, so a filtered list can be bookmarked, shared, and is
 * still there after opening a record and coming back. Empty values remove the parameter.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (changes: FilterChanges<K>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  // One navigation for all changes: react-router does not queue successive updates.
  const setFilters = (changes: FilterChanges<K>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [filters, setFilters];
}
