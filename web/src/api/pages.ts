import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from './client';

export const PAGE_SIZE = 50;

/**
 * A cursor-paginated list, page by page ("Load more"); while new filters load, the previous
 * rows stay on screen. `resource` is the first part of the query key, which writes invalidate.
 */
export function useListPages<T>(resource: string, path: string, filters: Record<string, QueryValue>) {
  return useInfiniteQuery({
    queryKey: [resource, 'list', filters],
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
