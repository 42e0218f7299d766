import { describe, expect, test } from 'vitest';
import { BodyTooLargeError, declaredTooLarge, formatBytes, readCapped } from './body';

// A stream of `count` chunks of `size` bytes that records how many chunks were pulled.
function stream(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const s = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled === count) return c.close();
      seen.pulled++;
      c.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { s, seen };
}

describe('readCapped', () => {
  test.each([
    ['under the limit', 3, 10, 40, 30],
    ['exactly at the limit', 4, 10, 40, 40],
  ])('%s: the whole body is returned', async (_case, count, size, limit, bytes) => {
    const { s } = stream(count, size);
    expect((await readCapped(s, limit)).byteLength).toBe(bytes);
  });
  test('over the limit: reading stops at the chunk that crosses it and the stream is cancelled', async () => {
    const { s, seen } = stream(1000, 10);
    await expect(readCapped(s, 45)).rejects.toThrow(BodyTooLargeError);
    // Chunks 1-4 hold 40 bytes; chunk 5 crosses 45. The stream may pull one chunk ahead, never the remaining 995.
    expect(seen.pulled).toBeLessThanOrEqual(6);
    expect(seen.cancelled).toBe(true);
  });
  test('no body is an empty body', async () => expect((await readCapped(null, 10)).byteLength).toBe(0));
});

describe('declaredTooLarge and formatBytes', () => {
  test.each([
    [{ 'content-length': '100' }, 50, 100],
    [{ 'content-length': '10' }, 50, null],
    [{}, 50, null],
  ])('%j with limit %i', (h, limit, out) => expect(declaredTooLarge(new Headers(h), limit)).toBe(out));
  test.each([
    [10 * 1048576, '10 MB'],
    [2.5 * 1048576, '2.5 MB'],
    [512 * 1024, '512 KB'],
  ])('%i bytes', (n, s) => expect(formatBytes(n)).toBe(s));
});
