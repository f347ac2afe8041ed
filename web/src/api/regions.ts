import type { Region, RegionCreate, RegionUpdate } from '@server/modules/org/org.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCreate, useRemove, useUpdate } from './mutations';

const PATH = '/api/regions';
const KEYS = [['regions']];

export function useRegions() {
  return useQuery({
    queryKey: ['regions', 'list'],
    queryFn: async () => (await api.get<{ items: Region[] }>(PATH)).items,
  });
}

export function useRegion(id: string) {
  return useQuery({
    queryKey: ['regions', 'detail', id],
    queryFn: () => api.get<Region>(`${PATH}/${encodeURIComponent(id)}`),
  });
}

export const useCreateRegion = () => useCreate<RegionCreate, Region>(PATH, KEYS);
export const useUpdateRegion = () => useUpdate<Omit<RegionUpdate, 'version'>, Region>(PATH, KEYS);
export const useRemoveRegion = () => useRemove(PATH, KEYS);
