/**
 * The `k` smallest items by `cmp`, in order: what `[...items].sort(cmp).slice(0, k)` gives when `cmp` is a total order
 * (no two items compare equal), in O(n·log k) comparisons instead of a sort of all n. Candidate search keeps the best
 * 32 of the thousands of articles that share a shingle with one article in a reprint-heavy corpus.
 */
export function smallest<T>(items: readonly T[], k: number, cmp: (p: T, q: T) => number): T[] {
  if (k <= 0) return [];
  // A sorted window of at most k items; an item not smaller than its last is not among them.
  const out: T[] = [];
  for (const x of items) {
    if (out.length === k && cmp(x, out[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(out[mid], x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}
