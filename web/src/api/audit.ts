import type {
  AuditEvent,
  AuditListEvent,
  AuditListQuery,
  AuditVerifyResult,
} from '@server/modules/audit/audit.schema';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from './client';

export type { AuditEvent, AuditListEvent };

const PATH = '/api/audit';

export type AuditFilters = Pick<AuditListQuery, 'entity_type' | 'action' | 'from' | 'to'>;

/** `keepShowing`: while new filters load, the previous list stays (one record's history must not). */
function useAuditPages(key: unknown[], query: Record<string, QueryValue>, keepShowing: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', ...key],
    queryFn: ({ pageParam }) => api.get<Page<AuditListEvent>>(PATH, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepShowing ? keepPreviousData : undefined,
  });
}

/** The audit trail of one record, page by page. */
export function useAuditEvents(entityType: string, entityId: string) {
  const query = { entity_type: entityType, entity_id: entityId, limit: 50 };
  return useAuditPages([entityType, entityId], query, false);
}

/** Audit events loaded page by page (one record's or the whole trail). */
export type AuditPages = ReturnType<typeof useAuditPages>;

/** The whole audit trail in the reader's scope, newest first, filtered. */
export function useAuditTrail(filters: AuditFilters) {
  return useAuditPages(['trail', filters], { ...filters, limit: 50 }, true);
}

/** Walk the hash chain on demand: a check of the whole trail, not something to repeat on every visit. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>(`${PATH}/verify`) });
}
