/** Names of the fields whose value differs; arrays compare by content. A change with none is a no-op (and a retry). */
export function changedFields<T extends object>(current: T, next: Partial<T>): string[] {
  return Object.entries(next)
    .filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key as keyof T] ?? null))
    .map(([key]) => key);
}
