import type { Person } from '@server/modules/org/org.schema';
import type {
  OfficeRollout,
  OfficeRolloutListQuery,
  OfficeRolloutUpdate,
  RolloutProgress,
  Wave,
  WaveCreate,
  WaveUpdate,
} from '@server/modules/rollout/rollout.schema';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useCreate, useInvalidate, useRemove, useUpdate } from './mutations';

const WAVES = '/api/rollout/waves';
const OFFICES = '/api/rollout/offices';
// A change to a wave or an office shows in the waves, the offices table and the progress.
const KEYS = [['rollout']];
const PAGE_SIZE = 50;

export function useRolloutProgress(regionId?: string) {
  return useQuery({
    queryKey: ['rollout', 'progress', regionId ?? null],
    queryFn: () => api.get<RolloutProgress>('/api/rollout/progress', { region_id: regionId }),
  });
}

export function useRolloutOffices(filters: OfficeRolloutListQuery) {
  return useInfiniteQuery({
    queryKey: ['rollout', 'offices', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<OfficeRollout>>(OFFICES, { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useWaves(regionId?: string) {
  return useQuery({
    queryKey: ['rollout', 'waves', regionId ?? null],
    queryFn: async () => (await api.get<{ items: Wave[] }>(WAVES, { region_id: regionId })).items,
  });
}

/** The people of one office, to name its roll-out focal point. */
export function useOfficePeople(officeId: string) {
  return useQuery({
    queryKey: ['people', 'office', officeId],
    queryFn: async () =>
      (await api.get<Page<Person>>('/api/people', { office_id: officeId, active: 'true', limit: 500 })).items,
  });
}

export function useSetOfficeRollout() {
  const refresh = useInvalidate(KEYS);
  return useMutation({
    mutationFn: ({ officeId, input }: { officeId: string; input: OfficeRolloutUpdate }) =>
      api.patch<OfficeRollout>(`${OFFICES}/${encodeURIComponent(officeId)}`, input),
    onSuccess: refresh,
  });
}

export const useCreateWave = () => useCreate<WaveCreate, Wave>(WAVES, KEYS);
export const useUpdateWave = () => useUpdate<Omit<WaveUpdate, 'version'>, Wave>(WAVES, KEYS);
export const useRemoveWave = () => useRemove(WAVES, KEYS);
