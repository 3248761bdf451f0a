/**
 * The first index in `[0, count)` for which `before` is false, or `count` — `before` must hold for a
 * prefix of the indices and not after it (items sorted by what it tests). Every sorted look-up of the
 * core (lines, chunks, facts, drafts, quantities) is this one binary search.
 */
export function partitionPoint(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
