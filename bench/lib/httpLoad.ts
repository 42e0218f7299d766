import http from 'node:http';

/** One server a load run spreads its connections over. */
export interface Target {
  port: number;
  path: string;
}

/** Which target connection i of a load run asks (round robin, so n connections split evenly over the targets). */
export function targetOf<T>(targets: readonly T[], i: number): T {
  if (targets.length === 0) throw new Error('a load run needs at least one target');
  return targets[i % targets.length];
}

/**
 * Keeps `connections` requests in flight for `seconds`, connection i asking targetOf(targets, i) again and again;
 * returns each target's latencies of 200 answers (ms) and its count of other answers and failures.
 */
export async function httpLoad(
  targets: readonly Target[],
  connections: number,
  seconds: number,
  gzip = false,
): Promise<{ latencies: number[]; errors: number }[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const out = targets.map(() => ({ latencies: [] as number[], errors: 0 }));
  const end = Date.now() + seconds * 1000;
  const one = (t: number) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const { port, path } = targets[t];
      const req = http.get(
        { host: '127.0.0.1', port, path, agent, headers: gzip ? { 'accept-encoding': 'gzip' } : {} },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) out[t].latencies.push(performance.now() - start);
            else out[t].errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        out[t].errors++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const t = targets.indexOf(targetOf(targets, i));
      while (Date.now() < end) await one(t);
    }),
  );
  agent.destroy();
  return out;
}

/** Waits until a URL answers 200 (a server starting, a corpus analysed), up to `ms`; throws naming the URL. */
export async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

/** The middle and the largest of some timings (ms), rounded; nulls for none. */
export function medianMax(ms: readonly number[]): { medianMs: number | null; maxMs: number | null } {
  if (ms.length === 0) return { medianMs: null, maxMs: null };
  const s = [...ms].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { medianMs: Math.round(mid), maxMs: Math.round(s[s.length - 1]) };
}
