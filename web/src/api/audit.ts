import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  /** The record before and after the change; JSON text on some servers, parsed objects on others. */
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** The audit trail of one record, page by page. */
export function useAuditEvents(entityType: string, entityId: string) {
  return useInfiniteQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEvent>>('/api/audit', {
        entity_type: entityType,
        entity_id: entityId,
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
