import type { Office, OfficeCreate, OfficeUpdate } from '@server/modules/org/org.schema';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useListPages } from './pages';
import { useCreate, useRemove, useUpdate } from './mutations';

const PATH = '/api/offices';
// Offices appear in regions' and people's pages too.
const KEYS = [['offices'], ['regions'], ['people']];

export type OfficeFilters = {
  q?: string;
  region_id?: string;
  kind?: Office['kind'];
  sort?: string;
};

export function useOfficePages(filters: OfficeFilters) {
  return useListPages<Office>('offices', PATH, filters);
}

/** Offices for pickers and name look-ups (the API's largest page). */
export function useOfficeOptions() {
  return useQuery({
    queryKey: ['offices', 'options'],
    queryFn: async () => (await api.get<Page<Office>>(PATH, { sort: 'name', limit: 500 })).items,
    staleTime: 60_000,
  });
}

export function useOffice(id: string, enabled = true) {
  return useQuery({
    queryKey: ['offices', 'detail', id],
    queryFn: () => api.get<Office>(`${PATH}/${encodeURIComponent(id)}`),
    enabled: enabled && id !== '',
  });
}

export const useCreateOffice = () => useCreate<OfficeCreate, Office>(PATH, KEYS);
export const useUpdateOffice = () => useUpdate<Omit<OfficeUpdate, 'version'>, Office>(PATH, KEYS);
export const useRemoveOffice = () => useRemove(PATH, KEYS);
