import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../errors';
import { folderFiles, loadCorpus, loadCorpusFrom, loadCorpusSteps, loadCorpusYielding, scanCorpusSteps } from './load';
import { parseManifest } from './manifest';
import type { Article } from '../types';

const manifest = {
  id: 'c',
  title: 'C',
  outlets: [
    { id: 'a', name: 'A', kind: 'wire' },
    { id: 'b', name: 'B', kind: 'aggregator' },
    { id: 'd', name: 'D', kind: 'aggregator' },
  ],
  outletGroups: [{ id: 'aggs', label: 'Aggregators', kind: 'aggregator' }],
};

function corpusDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'framescope-'));
  mkdirSync(path.join(dir, 'articles'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('parseManifest', () => {
  test('a kind group collects every outlet of that kind', () => {
    expect(parseManifest(manifest, 'corpus.json').outletGroups).toEqual([
      { id: 'aggs', label: 'Aggregators', members: ['b', 'd'] },
    ]);
  });
  test.each([
    [
      'duplicate outlet',
      { ...manifest, outlets: [manifest.outlets[0], manifest.outlets[0]] },
      'outlet id "a" appears twice',
    ],
    [
      'group id equal to an outlet id',
      { ...manifest, outletGroups: [{ id: 'a', label: 'X', members: ['b'] }] },
      'id "a" is already an outlet or group id',
    ],
    [
      'unknown group member',
      { ...manifest, outletGroups: [{ id: 'g', label: 'X', members: ['zz'] }] },
      'unknown member(s) zz',
    ],
    [
      'empty kind group',
      { ...manifest, outletGroups: [{ id: 'g', label: 'X', kind: 'tabloid' }] },
      'has no member outlets',
    ],
    [
      'outlet without a name',
      { ...manifest, outlets: [{ id: 'a', kind: 'wire' }] },
      'outlets[0]: "name" must be a non-empty string',
    ],
  ])('%s', (_case, json, message) => expect(() => parseManifest(json, 'corpus.json')).toThrow(message));
});

describe('loadCorpus', () => {
  const article = (id: string, outlet: string) =>
    `id: ${id}\noutlet: ${outlet}\ntitle: T\n\n## body\nKurdish militants.\n`;
  test('loads a valid corpus and versions it by content', () => {
    const dir = corpusDir({ 'corpus.json': JSON.stringify(manifest), 'articles/x1.txt': article('x1', 'a') });
    const c = loadCorpus(dir);
    expect(c.articles.map((a) => a.id)).toEqual(['x1']);
    expect(c.version).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(path.join(dir, 'articles', 'x1.txt'), article('x1', 'b'));
    expect(loadCorpus(dir).version).not.toBe(c.version);
  });
  // A bad article file is skipped and named; the corpus still loads with the good one (x0).
  test.each([
    [
      'a malformed article file',
      { 'articles/x1.txt': 'no header here' },
      'x1.txt line 1: "no header here" is not a "key: value" header line',
    ],
    ['an unknown outlet', { 'articles/x1.txt': article('x1', 'zz') }, 'unknown outlet "zz"'],
    [
      'an id that does not match the file name',
      { 'articles/x1.txt': article('x2', 'a') },
      'id "x2" does not match the file name',
    ],
    [
      'a raw path outside raw/',
      { 'articles/x1.txt': article('x1', 'a').replace('title: T', 'title: T\nraw: ../../etc/passwd') },
      'must be a file name under raw/',
    ],
    ['a NUL byte', { 'articles/x1.txt': article('x1', 'a').replace('Kurdish', 'Kurd\u0000ish') }, 'contains NUL bytes'],
    [
      'a title line that reads as a section heading',
      { 'articles/x1.txt': 'id: x1\noutlet: a\ntitle: ## Word\n\n## title\n## Word\n\n## body\nText.\n' },
      'unknown section "Word"',
    ],
  ])('%s is skipped with a warning naming the file', (_case, files, message) => {
    const dir = corpusDir({ 'corpus.json': JSON.stringify(manifest), 'articles/x0.txt': article('x0', 'a'), ...files });
    const c = loadCorpus(dir);
    expect(c.articles.map((a) => a.id)).toEqual(['x0']);
    expect(c.warnings).toEqual([
      { file: `${path.basename(dir)}/articles/x1.txt`, message: expect.stringContaining(message) },
    ]);
    expect(c.warnings[0].message).not.toContain(tmpdir());
  });
  test('an unreadable article file (a directory named like one) is skipped with a warning', () => {
    const dir = corpusDir({ 'corpus.json': JSON.stringify(manifest), 'articles/x0.txt': article('x0', 'a') });
    mkdirSync(path.join(dir, 'articles', 'x1.txt'));
    const c = loadCorpus(dir);
    expect(c.articles).toHaveLength(1);
    expect(c.warnings).toEqual([
      { file: `${path.basename(dir)}/articles/x1.txt`, message: expect.stringContaining('cannot be read (EISDIR)') },
    ]);
  });
  test.each([
    ['a broken corpus.json', { 'corpus.json': '{ "id": ' }, 'is not valid JSON'],
    [
      'a broken lexicon',
      {
        'articles/x1.txt': article('x1', 'a'),
        'lexicon.json': JSON.stringify({
          groups: [
            {
              id: 'g',
              label: 'Q',
              short: 'Q',
              axis: { negative: 'n', positive: 'p' },
              variants: [
                { id: 'v', label: 'V', patterns: ['x'], stance: 3, rationale: 'r' },
                { id: 'w', label: 'W', patterns: ['y'], stance: 0, rationale: 'r' },
              ],
            },
          ],
        }),
      },
      'lexicon.json groups[0] ("g") variants[0] ("v"): stance 3',
    ],
    ['no articles', {}, 'holds no article files'],
    [
      'only unreadable articles',
      { 'articles/x1.txt': 'no header here' },
      'holds no readable article file (1 skipped; first:',
    ],
  ])('%s fails loudly, without the server path', (_case, files, message) => {
    const dir = corpusDir({ 'corpus.json': JSON.stringify(manifest), ...files });
    expect(() => loadCorpus(dir)).toThrow(InputError);
    expect(() => loadCorpus(dir)).toThrow(message);
    expect(() => loadCorpus(dir)).not.toThrow(tmpdir());
  });
});

describe('loadCorpusSteps', () => {
  const article = (id: string) => `id: ${id}\noutlet: a\ntitle: T\n\n## body\nKurdish militants.\n`;
  // Seven article files, one of them malformed (skipped with a warning, as by loadCorpusFrom).
  const files: Record<string, string> = { 'corpus.json': JSON.stringify(manifest), 'articles/x9.txt': 'broken' };
  for (let i = 1; i <= 6; i++) files[`articles/x${i}.txt`] = article(`x${i}`);
  // Files read before each step: a step after every `every` of the 7 files, counted by hand.
  test.each([
    [1, [1, 2, 3, 4, 5, 6]],
    [3, [3, 6]],
    [7, []],
    [250, []],
  ])('every %i files: yields %j, then returns what loadCorpusFrom returns', (every, expected) => {
    const dir = corpusDir(files);
    const steps = loadCorpusSteps(folderFiles(dir), every);
    const yielded: number[] = [];
    let r = steps.next();
    for (; !r.done; r = steps.next()) yielded.push(r.value);
    expect(yielded).toEqual(expected);
    expect(r.value).toEqual(loadCorpusFrom(folderFiles(dir)));
    expect(r.value.articles).toHaveLength(6);
    expect(r.value.warnings).toHaveLength(1);
  });
});

describe('scanCorpusSteps', () => {
  const article = (id: string, body: string) => `id: ${id}\noutlet: a\ntitle: T\n\n## body\n${body}\n`;
  // Three readable files and one malformed (skipped with a warning, as by loadCorpusFrom).
  const files: Record<string, string> = {
    'corpus.json': JSON.stringify(manifest),
    'articles/y1.txt': article('y1', 'Kurdish militants.'),
    'articles/y2.txt': article('y2', 'Rebels.'),
    'articles/y3.txt': article('y3', 'Fighters said.'),
    'articles/y4.txt': 'broken',
  };
  // What each keeper keeps of y1, y2, y3, read off the files above by hand.
  test.each<[string, (a: Article) => unknown, unknown[]]>([
    ['ids', (a) => a.id, ['y1', 'y2', 'y3']],
    ['body lengths', (a) => a.segments.find((s) => s.section === 'body')!.text.length, [18, 7, 14]],
  ])('keeping %s: what was kept, and the rest as loadCorpusFrom returns it', (_what, keep, kept) => {
    const dir = corpusDir(files);
    const steps = scanCorpusSteps(folderFiles(dir), keep, 1);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const { articles, ...rest } = r.value;
    const { articles: whole, ...loaded } = loadCorpusFrom(folderFiles(dir));
    expect(articles).toEqual(kept);
    expect(whole.map(keep)).toEqual(kept);
    expect(rest).toEqual(loaded);
    expect(rest.warnings).toHaveLength(1);
  });
});

describe('loadCorpusYielding', () => {
  // FA-KES has 784 article files: steps of 250 give the loop back 3 times; the seeds' 5 files need no step.
  test.each([
    ['corpus/fa-kes', 3],
    ['corpus/seeds', 0],
  ])('%s loads as loadCorpus does, giving the event loop back %i times', async (dir, turns) => {
    let ticks = 0;
    let loading = true;
    const tick = () => {
      if (!loading) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const c = await loadCorpusYielding(dir);
    loading = false;
    expect(c).toEqual(loadCorpus(dir));
    expect(ticks).toBeGreaterThanOrEqual(turns);
  });

  test('a folder without corpus.json: the same error as loadCorpus', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'framescope-yield-'));
    await expect(loadCorpusYielding(dir)).rejects.toThrow('has no corpus.json');
  });
});
