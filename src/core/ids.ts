import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids (UUIDv7): index-friendly on both dialects and sortable by creation. */
export function newId(): string {
  return uuidv7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
