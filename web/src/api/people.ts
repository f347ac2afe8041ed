import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from '@server/modules/org/org.schema';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useListPages } from './pages';
import { useCreate, useRemove, useUpdate } from './mutations';

const PATH = '/api/people';
const KEYS = [['people']];

export type PeopleFilters = PersonListQuery;

export function usePeoplePages(filters: PeopleFilters) {
  return useListPages<Person>('people', PATH, filters);
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

/** A person as a picker shows them: name and e-mail, since names repeat. */
const personOption = (person: Person) => ({
  value: person.id,
  label: `${person.full_name} (${person.email})`,
});

/** Active people matching a search, for pickers. */
export const searchPeople = async (q: string) =>
  (await api.get<Page<Person>>(PATH, { q, active: 'true', sort: 'full_name', limit: 20 })).items.map(
    personOption,
  );

export const fetchPersonOption = async (id: string) =>
  personOption(await api.get<Person>(`${PATH}/${encodeURIComponent(id)}`));
