import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { DRILL_COUNTS, decodeDrillCounts, encodeDrillCounts, makeDrillCounts, putDrillCounts } from './drillCounts';
import { openDrillCounts } from './drillCountsRanges';
import { derivedName } from './derived';
import { fileStore, scopeFolder } from './files';

const seeds = loadCorpus('corpus/seeds');
const root = mkdtempSync(path.join(tmpdir(), 'framescope-drill-ranges-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scope = { corpus: 'seeds', lexicon: 'lex' };
const whole = makeDrillCounts(analyzeArticles(seeds));
const bytes = encodeDrillCounts(whole);
const store = fileStore(root);
const fileOf = (key: string) => path.join(root, scopeFolder(scope), derivedName(DRILL_COUNTS, key));
const keys = [...whole.lists.keys()];

describe('drill-down counts read by their ranges', () => {
  test('list the same keys and articles as the whole decode', async () => {
    await putDrillCounts(store, scope, 'v', whole);
    const c = openDrillCounts(store, scope, 'v')!;
    expect(c.articles).toBe(decodeDrillCounts(bytes, 'x').articles);
    expect(c.keys).toEqual(keys);
    // The seeds' five articles give some lists; a reader with none to compare would pass by accident.
    expect(keys.length).toBeGreaterThan(5);
  });

  // Every list alone, then several at once (with a key no list has, left out): equal to the whole decode's.
  test.each<[string, string[]]>([
    ...keys.map((k): [string, string[]] => [`list ${JSON.stringify(k)}`, [k]]),
    ['the first three and a key no list has', [keys[0], 'no\u0000such', keys[1], keys[2]]],
    ['every list', keys],
    ['none', []],
  ])('read %s as the whole decode holds it', async (_case, asked) => {
    await putDrillCounts(store, scope, 'v', whole);
    const decoded = decodeDrillCounts(bytes, 'x');
    const want = asked.flatMap((k) => {
      const l = decoded.lists.get(k);
      return l ? [{ at: [...l.at], counts: [...l.counts] }] : [];
    });
    const got = openDrillCounts(store, scope, 'v')!.lists(asked)!;
    expect(got.map((l) => ({ at: [...l.at], counts: [...l.counts] }))).toEqual(want);
  });

  // Bytes the whole decoder refuses (it then reads as null) are not opened either.
  const header = Buffer.from(bytes).readUInt32LE(4);
  test.each([
    ['none stored', null],
    ['cut short in its values', Buffer.from(bytes).subarray(0, bytes.length - 4)],
    ['longer than its header says', Buffer.concat([Buffer.from(bytes), Buffer.alloc(4)])],
    ['cut short in its header', Buffer.from(bytes).subarray(0, 8 + header - 3)],
    ['of another format', Buffer.concat([Buffer.from('FMP1'), Buffer.from(bytes).subarray(4)])],
  ])('opens nothing for %s', (_case, stored) => {
    const key = `bad-${_case.replace(/ /g, '-')}`;
    if (stored) writeFileSync(fileOf(key), stored);
    expect(openDrillCounts(store, scope, key)).toBeNull();
  });

  test('reads no lists once the file changed under it, or when a list names an article past the last', async () => {
    await putDrillCounts(store, scope, 'changed', whole);
    const c = openDrillCounts(store, scope, 'changed')!;
    writeFileSync(fileOf('changed'), Buffer.concat([Buffer.from(bytes), Buffer.alloc(8)]));
    expect(c.lists([keys[0]])).toBeNull();
    rmSync(fileOf('changed'));
    expect(c.lists([keys[0]])).toBeNull();
    // The first list's first position set to the article count: past the last article.
    const past = Buffer.from(readFileSync(fileOf('v')));
    past.writeUInt32LE(whole.articles, 8 + header);
    writeFileSync(fileOf('past'), past);
    expect(openDrillCounts(store, scope, 'past')!.lists([keys[0]])).toBeNull();
    expect(openDrillCounts(store, scope, 'past')!.lists([keys[1]])).not.toBeNull();
  });
});
