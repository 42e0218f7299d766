/** Latency percentiles of a load run, in milliseconds (nearest-rank). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** One route's load result, as stored in bench/latest.json. */
export interface HttpResult {
  route: string;
  rps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  errors: number;
  requests: number;
}

/** Summarises raw latencies and errors of a load run of `seconds` on one route. */
export function summarizeLoad(route: string, latencies: number[], errors: number, seconds: number): HttpResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    route,
    rps: Math.round(latencies.length / seconds),
    p50Ms: r(percentile(sorted, 50)),
    p95Ms: r(percentile(sorted, 95)),
    p99Ms: r(percentile(sorted, 99)),
    errors,
    requests: latencies.length + errors,
  };
}

/** The script and stylesheet files a page's HTML loads first (its /_next/static chunks). */
export function firstLoadScripts(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]))];
}
