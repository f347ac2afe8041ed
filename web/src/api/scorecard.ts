import type { Scorecard } from '@server/modules/scorecard/scorecard.schema';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';
import type { Action, ActionStatus } from '@server/modules/actions/actions.schema';
import type {
  ControlsResponse,
  ScorecardRequest,
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
