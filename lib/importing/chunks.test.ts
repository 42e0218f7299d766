import { describe, expect, test } from 'vitest';
import { lineChunker } from './chunks';

function chunk(lines: string[], maxLines: number, maxBytes: number) {
  const c = lineChunker(maxLines, maxBytes);
  const out = [];
  for (const l of lines) {
    const full = c.push(Buffer.from(l));
    if (full) out.push(full);
  }
  const last = c.flush();
  if (last) out.push(last);
  return out.map((x) => ({ firstLine: x.firstLine, lines: x.lines.map((l) => Buffer.from(l).toString()) }));
}

describe('line chunks', () => {
  test.each([
    ['no lines', [], 2, 100, []],
    [
      'by line count',
      ['a', 'b', 'c', 'd', 'e'],
      2,
      100,
      [
        { firstLine: 1, lines: ['a', 'b'] },
        { firstLine: 3, lines: ['c', 'd'] },
        { firstLine: 5, lines: ['e'] },
      ],
    ],
    // Each line costs its bytes plus the newline: "aaa" is 4, so two fit in 8 and a third does not.
    [
      'by bytes',
      ['aaa', 'bbb', 'ccc'],
      10,
      8,
      [
        { firstLine: 1, lines: ['aaa', 'bbb'] },
        { firstLine: 3, lines: ['ccc'] },
      ],
    ],
    [
      'a line longer than the limit alone',
      ['x', 'a very long line', 'y'],
      10,
      4,
      [
        { firstLine: 1, lines: ['x'] },
        { firstLine: 2, lines: ['a very long line'] },
        { firstLine: 3, lines: ['y'] },
      ],
    ],
    // "é" is 2 bytes in UTF-8: "éé" costs 5, so "éé" and "a" (2) do not fit in 6.
    [
      'UTF-8 bytes, not characters',
      ['éé', 'a'],
      10,
      6,
      [
        { firstLine: 1, lines: ['éé'] },
        { firstLine: 2, lines: ['a'] },
      ],
    ],
  ])('%s', (_case, lines, maxLines, maxBytes, expected) => {
    expect(chunk(lines, maxLines, maxBytes)).toEqual(expected);
  });
});
