/** What an audit event changed, field by field; pure so it is tested without a browser. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping every write touches; showing it would bury the real change.
const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'updated_at']);

/** Audit snapshots arrive as objects or as JSON text, depending on the server. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value) as unknown);
    } catch {
      return null;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Fields whose value differs between the snapshots. The fields of `after` are compared when it
 * exists (a creation or an update, possibly recording only what changed); a deletion lists `before`.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = asRecord(before) ?? {};
  const next = asRecord(after);
  const fields = Object.keys(next ?? old).filter((field) => !BOOKKEEPING.has(field));
  return fields
    .filter((field) => !same(old[field], next?.[field]))
    .map((field) => ({ field, before: old[field], after: next?.[field] }));
}
