/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same simulated history. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** An index drawn with the given weights (cumulative sums precomputed by `weighted`). */
    weighted<T>(table: { items: readonly T[]; cumulative: readonly number[] }): T {
      const x = next() * table.cumulative[table.cumulative.length - 1]!;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** A weighted table for `Random.weighted`. */
export function weightedTable<T>(entries: readonly { item: T; weight: number }[]) {
  const items: T[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  for (const e of entries) {
    if (e.weight <= 0) continue;
    sum += e.weight;
    items.push(e.item);
    cumulative.push(sum);
  }
  return { items, cumulative };
}
