import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import { derivedName } from './derived';
import { fileStore, scopeFolder } from './files';
import {
  decodeMentionPostings,
  encodeMentionPostings,
  makeMentionPostings,
  MENTION_POSTINGS,
  putMentionPostings,
} from './mentionPostings';
import { openMentionPostings } from './mentionPostingsRanges';

const seeds = loadCorpus('corpus/seeds');
const root = mkdtempSync(path.join(tmpdir(), 'framescope-postings-ranges-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scope = { corpus: 'seeds', lexicon: 'lex' };
const store = fileStore(root);
const whole = makeMentionPostings(analyzeArticles(seeds));
const bytes = Buffer.from(encodeMentionPostings(whole));
const decoded = decodeMentionPostings(bytes, 'x');
const fileOf = (key: string) => path.join(root, scopeFolder(scope), derivedName(MENTION_POSTINGS, key));
const plain = (m: ReadonlyMap<string, Uint32Array>) => [...m].map(([k, v]) => [k, [...v]]);
const lists = ['variants', 'actors', 'tone'] as const;

describe('mention postings read by their ranges', () => {
  test('hold the whole decode’s summary and list names', async () => {
    await putMentionPostings(store, scope, 'v', whole);
    const p = openMentionPostings(store, scope, 'v')!;
    expect(p.articles).toBe(decoded.articles);
    expect([...p.summary]).toEqual([...decoded.summary]);
    for (const l of lists) expect([...p[l].keys()]).toEqual([...decoded[l].keys()]);
    // The seeds name variants, actors and actors in sentences: each kind has lists to compare.
    for (const l of lists) expect(decoded[l].size).toBeGreaterThan(0);
  });

  // Every list by get, and each kind iterated whole: equal to the whole decode's.
  test.each<[string, (typeof lists)[number], string]>(
    lists.flatMap((l) => [...decoded[l].keys()].map((k): [string, (typeof lists)[number], string] => [l, l, k])),
  )('read the %s list %#', async (_case, l, key) => {
    await putMentionPostings(store, scope, 'v', whole);
    const p = openMentionPostings(store, scope, 'v')!;
    expect([...p[l].get(key)!]).toEqual([...decoded[l].get(key)!]);
    expect(p[l].has(key)).toBe(true);
    expect(p[l].get('no\u0000such')).toBeUndefined();
  });

  test.each(lists)('iterate every %s list as the whole decode holds them', async (l) => {
    await putMentionPostings(store, scope, 'v', whole);
    expect(plain(openMentionPostings(store, scope, 'v')![l])).toEqual(plain(decoded[l]));
  });

  // Bytes the whole decoder refuses (it then reads as null) are not opened either.
  test.each([
    ['none stored', null],
    ['cut short in its summary', bytes.subarray(0, bytes.length - 4)],
    ['longer than its header says', Buffer.concat([bytes, Buffer.alloc(4)])],
    ['cut short in its header', bytes.subarray(0, 20)],
    ['of another format', Buffer.concat([Buffer.from('FDC1'), bytes.subarray(4)])],
  ])('opens nothing for %s', (_case, stored) => {
    const key = `bad-${_case.replace(/ /g, '-')}`;
    if (stored) writeFileSync(fileOf(key), stored);
    expect(openMentionPostings(store, scope, key)).toBeNull();
  });

  test('says so when the file changed under it, never answering from other bytes', async () => {
    await putMentionPostings(store, scope, 'changed', whole);
    const p = openMentionPostings(store, scope, 'changed')!;
    const key = [...decoded.variants.keys()][0];
    writeFileSync(fileOf('changed'), Buffer.concat([bytes, Buffer.alloc(4)]));
    expect(() => p.variants.get(key)).toThrow(/changed or removed since it was opened/);
    rmSync(fileOf('changed'));
    expect(() => p.variants.get(key)).toThrow(/changed or removed since it was opened/);
  });
});
