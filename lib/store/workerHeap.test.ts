import { describe, expect, test } from 'vitest';
import { workerHeapMb } from './workerHeap';

const GB = 1024 * 1048576;

describe('a corpus worker’s heap limit', () => {
  test.each([
    // 60% of 24 GiB = 14,745.6 MB, rounded down.
    [undefined, 24 * GB, 14745],
    ['', 24 * GB, 14745],
    // 60% of 4 GiB is 2,457 MB: the floor of 4,096 holds.
    [undefined, 4 * GB, 4096],
    ['8192', 24 * GB, 8192],
    ['100', 24 * GB, 100],
  ])('FRAMESCOPE_WORKER_HEAP_MB=%s on %i bytes: %i MB', (raw, total, mb) => {
    expect(workerHeapMb(raw, total)).toBe(mb);
  });

  test.each(['0', '-5', '1.5', 'lots', '8 GB'])('"%s" is refused, naming the variable and an example', (raw) => {
    expect(() => workerHeapMb(raw, 24 * GB)).toThrow(
      `FRAMESCOPE_WORKER_HEAP_MB must be a positive whole number of MB (e.g. 8192), not "${raw}"`,
    );
  });
});
