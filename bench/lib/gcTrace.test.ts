import { describe, expect, test } from 'vitest';
import { liveOfGcTrace } from './gcTrace';

// Lines as node 20 prints them with --trace-gc --trace-gc-verbose (shortened to the parts read).
const scavenge = (tag: string) => `[${tag}]       42 ms: Scavenge 3.1 (4.0) -> 3.0 (5.0) MB, 1.16 / 0.00 ms`;
const markCompact = (tag: string, after: number) =>
  `[${tag}]       48 ms: Mark-Compact 9.0 (12.0) -> ${after} (12.0) MB, 6.16 / 0.00 ms  testing; GC in old space requested`;
const external = (tag: string, kb: number) => `[${tag}] External memory reported:  ${kb} KB`;
const A = '2576:0xe83b330';
const B = '2576:0x7f00aa10';

describe('liveOfGcTrace', () => {
  test.each([
    // No full collection: nothing is known.
    ['scavenges only', [scavenge(A), external(A, 1024)], NaN, NaN],
    // 2.6 MB of heap and 48,838 KB = 47.69 MB of buffers after it: 50.29 MB.
    ['one isolate', [scavenge(A), external(A, 100), markCompact(A, 2.6), external(A, 48838)], 2.6, 2.6 + 48838 / 1024],
    // The largest heap (10) and the largest sum (4 + 20 MB = 24, not 10 + 1) come from different collections.
    ['two collections', [markCompact(A, 10), external(A, 1024), markCompact(A, 4), external(A, 20480)], 10, 24],
    // A worker's block does not pair with the main isolate's collection: A's 5 MB goes with A's 2,048 KB (7 MB), B's
    // 1 MB with B's 8,192 KB (9 MB, the largest); pairing by order alone would give 5 + 8 = 13.
    ['two isolates', [markCompact(A, 5), markCompact(B, 1), external(B, 8192), external(A, 2048)], 5, 9],
  ])('%s', (_, lines, heapMb, withBuffersMb) => {
    const live = liveOfGcTrace(lines.join('\n'));
    // NaN for "unknown" is compared as NaN (toBeCloseTo never matches it).
    const close = (got: number, want: number) => (Number.isNaN(want) ? Number.isNaN(got) : Math.abs(got - want) < 1e-6);
    expect([live.heapMb, close(live.heapMb, heapMb)]).toEqual([live.heapMb, true]);
    expect([live.withBuffersMb, close(live.withBuffersMb, withBuffersMb)]).toEqual([live.withBuffersMb, true]);
  });
});
