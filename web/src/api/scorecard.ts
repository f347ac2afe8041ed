import type { Scorecard } from '@server/modules/scorecard/scorecard.schema';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import { useInvalidate } from './mutations';
import type { Action, ActionStatus } from '@server/modules/actions/actions.schema';
import type {
  ControlsResponse,
  ScorecardRequest,
  SettingsResponse,
  SettingsUpdate,
  SnapshotResult,
  TrendQuery,
  TrendResponse,
} from '@server/modules/scorecard/scorecard-api.schema';

export type { ScorecardRequest };

export function useScorecard(request: ScorecardRequest) {
  return useQuery({
    queryKey: ['scorecard', 'groups', request],
    queryFn: () => api.get<Scorecard>('/api/scorecard', { ...request }),
    placeholderData: keepPreviousData,
  });
}

export function useScorecardControls() {
  return useQuery({
    queryKey: ['scorecard', 'controls'],
    queryFn: () => api.get<ControlsResponse>('/api/scorecard/controls'),
    staleTime: 60_000,
  });
}

/** The stored settings (admins: `scorecard.manage`). */
export function useScorecardSettings() {
  return useQuery({
    queryKey: ['scorecard', 'settings'],
    queryFn: () => api.get<SettingsResponse>('/api/scorecard/settings'),
    // The page's form starts from what was read: fetched again after a save or a "Reload" only.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Replace the settings; every scorecard query (scores, bands, controls) is refetched after. */
export function useSaveScorecardSettings() {
  const refresh = useInvalidate([['scorecard']]);
  return useMutation({
    mutationFn: (input: SettingsUpdate) => api.put<SettingsResponse>('/api/scorecard/settings', input),
    onSuccess: refresh,
  });
}

/** Take today's snapshots now; the trend and the actions they refresh are refetched after. */
export function useTakeSnapshot() {
  const refresh = useInvalidate([['scorecard'], ['actions']]);
  return useMutation({
    mutationFn: () => api.post<SnapshotResult>('/api/scorecard/snapshots', {}),
    onSuccess: refresh,
  });
}

export type TrendRequest = TrendQuery;

export function useScorecardTrend(request: TrendRequest) {
  return useQuery({
    queryKey: ['scorecard', 'trend', request],
    queryFn: () => api.get<TrendResponse>('/api/scorecard/trend', { ...request }),
    placeholderData: keepPreviousData,
  });
}

export const ACTIONS_PAGE_SIZE = 50;

/** The signed-in user's actions, due first, a page at a time. */
export function useMyActions(status: ActionStatus) {
  return useInfiniteQuery({
    queryKey: ['actions', 'mine', status],
    queryFn: ({ pageParam }) =>
      api.get<Page<Action>>('/api/actions', {
        mine: 'true',
        status,
        sort: status === 'open' ? 'due_date' : '-updated_at',
        limit: ACTIONS_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
