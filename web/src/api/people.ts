import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from '@server/modules/org/org.schema';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useCreate, useRemove, useUpdate } from './mutations';
import { PAGE_SIZE } from './offices';

const PATH = '/api/people';
const KEYS = [['people']];

export type PeopleFilters = PersonListQuery;

export function usePeoplePages(filters: PeopleFilters) {
  return useInfiniteQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Person>>(PATH, { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => api.get<Person>(`${PATH}/${encodeURIComponent(id)}`),
  });
}

export const useCreatePerson = () => useCreate<PersonCreate, Person>(PATH, KEYS);
export const useUpdatePerson = () => useUpdate<Omit<PersonUpdate, 'version'>, Person>(PATH, KEYS);
export const useRemovePerson = () => useRemove(PATH, KEYS);
