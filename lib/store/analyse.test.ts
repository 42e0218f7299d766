import { describe, expect, test } from 'vitest';
import { pickLane } from './analyse';

describe('pickLane', () => {
  test.each([
    // Fewer lanes than the pool's size: a new worker starts, whatever the others hold.
    [[], 2, 2, 'new'],
    [[2], 2, 2, 'new'],
    // A pool of size 0 still gets one lane.
    [[], 0, 2, 'new'],
    // Full pool: the least busy lane with room; the first of equals.
    [[1, 0], 2, 2, 1],
    [[1, 1], 2, 2, 0],
    [[0, 0], 2, 2, 0],
    [[2, 1], 2, 2, 1],
    // Every lane holds `depth` batches: the batch waits.
    [[2, 2], 2, 2, null],
    // Depth 1 is the old one-batch-per-worker pool.
    [[1, 0], 2, 1, 1],
    [[1, 1], 2, 1, null],
  ] as [number[], number, number, number | 'new' | null][])(
    'busy %j, size %d, depth %d -> %j',
    (busy, size, depth, want) => expect(pickLane(busy, size, depth)).toBe(want),
  );
});
