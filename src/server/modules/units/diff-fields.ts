/** The fields of `next` whose value differs from `current`, as { field: { from, to } } for an audit summary. */
export function diffFields<T extends object>(current: T, next: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const before = (current as Record<string, unknown>)[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(value)) changes[field] = { from: before, to: value };
  }
  return changes;
}
