// The prepared check of stored time cells (hasTimeCells, timeCellsLength): header only, never the numbers. Apart from
// timeCells.test.ts, which covers the encoding and decoding.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ArticleAnalysis } from '../analysis/article';
import { makeTimeCells } from '../time/cells';
import { fileStore } from './files';
import { encodeTimeCells, hasTimeCells, readTimeCells, TIME_CELLS, timeCellsLength } from './timeCells';

// Two outlets' articles on two days, one undated: a few cells, enough numbers to cut the file among them.
const at = (outlet: string, variants: string[]) =>
  ({
    outlet,
    mentions: variants.map((variant) => ({ group: 'is', variant, section: 'body', voice: 'own', setAside: null })),
    tokens: { title: { all: 0, own: 0 }, caption: { all: 0, own: 0 }, body: { all: 40, own: 40 } },
  }) as unknown as ArticleAnalysis;
const good = Buffer.from(
  encodeTimeCells(
    makeTimeCells(
      [
        { analysis: at('x', ['isis', 'daesh']), date: '2016-07-03' },
        { analysis: at('y', ['daesh']), date: '2016-07-04' },
        { analysis: at('x', []), date: null },
      ],
      [{ id: 'is', variants: ['isis', 'daesh'] }],
    ),
  ),
);
const headerLength = good.readUInt32LE(4);
// Where the numbers start: after the magic, the length and the header, padded to a multiple of 8.
const numbersAt = Math.ceil((8 + headerLength) / 8) * 8;

describe('whether stored time cells are whole, from their header', () => {
  test('the header names the length the encoder wrote', () => {
    expect(timeCellsLength(good)).toBe(good.length);
    expect(timeCellsLength(good.subarray(0, 8 + headerLength))).toBe(good.length);
    expect(timeCellsLength(good.subarray(0, 8 + headerLength - 1))).toBeNull();
  });

  test.each<[string, (b: Buffer) => Buffer, boolean, boolean]>([
    ['a good file', (b) => b, true, true],
    ['cut short to nothing', (b) => b.subarray(0, 0), false, false],
    ['cut short inside the magic', (b) => b.subarray(0, 3), false, false],
    ['cut short inside the header', (b) => b.subarray(0, 8 + (headerLength >> 1)), false, false],
    ['cut short to the header alone', (b) => b.subarray(0, numbersAt), false, false],
    ['cut short half way through the numbers', (b) => b.subarray(0, (numbersAt + b.length) >> 1), false, false],
    ['cut short by one byte', (b) => b.subarray(0, b.length - 1), false, false],
    ['one number more than the header names', (b) => Buffer.concat([b, Buffer.alloc(4)]), false, false],
    ['a wrong magic', (b) => Buffer.concat([Buffer.from('FTC0', 'latin1'), b.subarray(4)]), false, false],
    [
      'a header naming one cell more (so a longer file)',
      (b) => {
        const h = b.toString('utf8', 8, 8 + headerLength).replace(/"cells":(\d+)/, (_, n) => `"cells":${+n + 1}`);
        // The same header length (one digit more only past 9 cells, which these few cells are not).
        expect(h.length).toBe(headerLength);
        return Buffer.concat([b.subarray(0, 8), Buffer.from(h, 'utf8'), b.subarray(8 + headerLength)]);
      },
      false,
      false,
    ],
    // The check does not read the numbers; a wrong one is found where they are decoded, as before (made again).
    [
      'a whole header over numbers that do not add up (the last start is not the record count)',
      (b) => {
        const h = JSON.parse(b.toString('utf8', 8, 8 + headerLength)) as Record<string, number> & { groups: [] };
        const lastStart = 3 * h.cells + h.cells * h.views + h.views * h.groups.length;
        expect(h.width).toBe(4); // these few small sums fit 32 bits
        const copy = Buffer.from(b);
        copy.writeUInt32LE(h.records + 1, numbersAt + lastStart * h.width);
        return copy;
      },
      true,
      false,
    ],
  ])('%s: stored %s, read %s', async (_case, spoil, checked, read) => {
    const store = fileStore(mkdtempSync(path.join(tmpdir(), 'framescope-cells-check-')));
    const scope = { corpus: 'x', lexicon: 'l' };
    await store.putDerived(scope, TIME_CELLS, 'k', spoil(good));
    expect(hasTimeCells(store, scope, 'k')).toBe(checked);
    expect(readTimeCells(store, scope, 'k') !== null).toBe(read);
    expect(hasTimeCells(store, scope, 'missing')).toBe(false);
  });
});
