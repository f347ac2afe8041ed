/** The fields whose value differs from the record's, so an update sends only what the reader changed. */
export function changedValues<V extends Record<string, unknown>>(values: V, original: V): Partial<V> {
  const changes: Partial<V> = {};
  for (const key of Object.keys(values) as (keyof V)[]) {
    if (JSON.stringify(values[key]) !== JSON.stringify(original[key])) changes[key] = values[key];
  }
  return changes;
}
