import type { AuditEvent } from '@server/modules/audit/audit.schema';
import { asRecord } from '../../components/history/history-diff';

/** Which record an audit event is about, for people: its name and, where it has one, its page. */

const NAME_FIELDS = ['name', 'full_name', 'display_name', 'email', 'code'] as const;

/** The record's name from its snapshot (after the change, or before a deletion), or null. */
export function recordName(
  event: Pick<AuditEvent, 'before' | 'after' | 'entity_id' | 'actor_id' | 'actor_label' | 'entity_type'>,
): string | null {
  const snapshot = asRecord(event.after) ?? asRecord(event.before);
  for (const field of NAME_FIELDS) {
    const value = snapshot?.[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  // Sign-in and sign-out events keep no snapshot: the user is the one acting.
  if (event.entity_type === 'user' && event.actor_id === event.entity_id) return event.actor_label;
  return null;
}

/** The page of the record, for record types that have one and were not deleted. */
export function recordPath(
  event: Pick<AuditEvent, 'entity_type' | 'entity_id' | 'action' | 'office_id'>,
): string | null {
  if (event.action === 'delete') return null;
  const id = encodeURIComponent(event.entity_id);
  switch (event.entity_type) {
    case 'region':
      return `/regions/${id}`;
    case 'office':
      return `/offices/${id}`;
    case 'person':
      return `/people/${id}`;
    case 'department':
      return event.office_id ? `/offices/${encodeURIComponent(event.office_id)}` : null;
    default:
      return null;
  }
}
