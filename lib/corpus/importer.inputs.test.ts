import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { ImportItem, ImportOptions } from './importer';

// Each test imports through the whole path, version steps on worker threads included: 2-5 s alone, more when the
// machine is shared, so the default 5 s limit failed runs that were only slow.
vi.setConfig({ testTimeout: 60_000 });

// The importer reads FRAMESCOPE_CORPUS_ROOT when it is first imported, so the modules load after it is set.
const root = mkdtempSync(path.join(tmpdir(), 'framescope-inputs-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
let importItems: typeof import('./importer').importItems;
let loadCorpus: typeof import('./load').loadCorpus;
beforeAll(async () => {
  ({ importItems } = await import('./importer'));
  ({ loadCorpus } = await import('./load'));
});

let n = 0;
// A fresh copy of the bundled seeds corpus (5 articles, outlet groups "aggregators" and "state-broadcasters").
function seeds(): string {
  const id = `seeds-${++n}`;
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), path.join(root, id), { recursive: true });
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  const manifest = JSON.parse(readFileSync(path.join(root, id, 'corpus.json'), 'utf8'));
  writeFileSync(path.join(root, id, 'corpus.json'), JSON.stringify({ ...manifest, id }));
  return id;
}
const opts = (corpus: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  corpus,
  title: null,
  attribution: null,
  outlet: 'voa',
  createOutlets: false,
  mapping: {},
  dateOrder: 'mdy',
  source: 'test',
  dryRun: false,
  ...over,
});
const file = (name: string, text: string): ImportItem => ({
  name,
  bytes: new TextEncoder().encode(text),
  format: null,
});
const BODY = 'Kurdish fighters and Turkish-backed rebels clashed near the village on Friday, officials said.';

// Every article file and corpus.json of the corpus read back with the real loader, with nothing skipped.
function loadsWhole(corpus: string) {
  const c = loadCorpus(path.join(root, corpus));
  expect(c.warnings).toEqual([]);
  expect(c.articles).toHaveLength(
    readdirSync(path.join(root, corpus, 'articles')).filter((f) => f.endsWith('.txt')).length,
  );
  expect(existsSync(path.join(root, corpus, '.staging'))).toBe(false);
  return c;
}

describe('inputs that used to break a corpus', () => {
  test('NUL (\\u0000) in every JSON field is removed and counted; the corpus loads whole', async () => {
    const id = seeds();
    const json = JSON.stringify([
      {
        title: 'Clash\u0000 near Manbij',
        text: `${BODY}\u0000 More\u0000 text.`,
        date: '2016-10-21',
        unit: 'x\u0000y',
      },
    ]);
    const r = await importItems([file('batch.json', json)], opts(id));
    expect(r.rejected).toEqual([]);
    expect(r.written).toHaveLength(1);
    // One NUL in the title, two in the text, one in the extra field "unit": 4.
    expect(r.plan.quirks.get('control-chars')).toEqual({ count: 4, articles: 1 });
    const c = loadsWhole(id);
    const a = c.articles.find((x) => x.id === r.written[0])!;
    expect(a.title).toBe('Clash near Manbij');
    expect(a.note).toBe('test: unit=xy');
    expect(c.articles).toHaveLength(6);
  });

  test('a new outlet whose id is an outlet-group id is rejected by name; nothing is written', async () => {
    const id = seeds();
    const before = readFileSync(path.join(root, id, 'corpus.json'), 'utf8');
    const r = await importItems(
      [file('a.txt', `title: Report\noutlet: aggregators\n\n${BODY}`)],
      opts(id, { createOutlets: true }),
    );
    expect(r.rejected).toEqual([
      {
        where: 'a.txt',
        reason: expect.stringContaining('outlet "aggregators" is the id of an outlet group in corpus.json'),
      },
    ]);
    expect(r.written).toEqual([]);
    expect(readFileSync(path.join(root, id, 'corpus.json'), 'utf8')).toBe(before);
    expect(loadsWhole(id).articles).toHaveLength(5);
  });

  test.each([
    ['a pasted title "## Word"', file('a.txt', `title: ## Word\n\n${BODY}`), '## Word'],
    ['a title "## body" (used to drop the title section)', file('a.txt', `title: ## body\n\n${BODY}`), '## body'],
    ['a .md file whose first line is a heading', file('a.md', `## Ceasefire\n${BODY}`), '## Ceasefire'],
    [
      'a title with U+2028 (used to be "malformed metadata")',
      file('a.txt', `title: Two\u2028lines\n\n${BODY}`),
      'Two lines',
    ],
    ['a title with terminal colour codes', file('a.txt', `title: \x1b[31mRed\x1b[0m alert\n\n${BODY}`), 'Red alert'],
  ])('%s is stored and reads back exactly', async (_case, item, title) => {
    const id = seeds();
    const r = await importItems([item], opts(id));
    expect(r.rejected).toEqual([]);
    expect(r.written).toHaveLength(1);
    const a = loadsWhole(id).articles.find((x) => x.id === r.written[0])!;
    expect(a.title).toBe(title);
    expect(a.segments).toEqual([
      { section: 'title', text: title },
      { section: 'body', text: BODY },
    ]);
  });

  test('a body line "## caption" stays body text, and the whole batch is listed as stored', async () => {
    const id = seeds();
    const r = await importItems(
      [file('a.txt', `title: One\n\n${BODY}\n\n## caption\n\nMore.`), file('b.txt', `title: Two\n\nSecond: ${BODY}`)],
      opts(id),
    );
    expect(r.written).toHaveLength(2);
    expect(readdirSync(path.join(root, id, 'articles')).filter((f) => r.written.includes(f.slice(0, -4)))).toHaveLength(
      2,
    );
    const a = loadsWhole(id).articles.find((x) => x.title === 'One')!;
    expect(a.segments.map((s) => s.section)).toEqual(['title', 'body']);
  });

  test('a CSV with only a header row says so', async () => {
    const id = seeds();
    const r = await importItems([file('rows.csv', 'title,text,outlet\n')], opts(id));
    expect(r.rejected).toEqual([
      {
        where: 'rows.csv',
        reason: expect.stringContaining('has a header row (title, text, outlet) but no article rows'),
      },
    ]);
  });

  test('160,000 records in one file do not overflow the stack (records.push(...list) did at about 150,000)', async () => {
    const id = seeds();
    const lines = Array.from({ length: 160_000 }, (_, i) => `{"title":"Row ${i}"}`).join('\n');
    const r = await importItems([file('rows.jsonl', lines)], opts(id, { dryRun: true }));
    expect(r.records).toBe(160_000);
    // Every row names no text, so every row is rejected with that reason.
    expect(r.rejected).toHaveLength(160_000);
    expect(r.rejected[0].reason).toContain('has no article text');
  }, 60_000);

  test('an unknown corpus is named without the server path', async () => {
    await expect(importItems([file('a.txt', BODY)], opts('nope'))).rejects.toThrow('corpus "nope": does not exist');
    await expect(importItems([file('a.txt', BODY)], opts('nope'))).rejects.not.toThrow(root);
  });

  test.each([
    ['two malformed lines', '{"title": "x", "text": \n[1, 2]\n', ['line 1', 'line 2']],
    ['a record with no text', '{"title": "Only a title"}\n', ['line 1']],
  ])(
    'a new corpus from JSONL in which every record is rejected (%s) reports the rejections, not its own empty manifest',
    async (_case, jsonl, lines) => {
      seeds(); // the default lexicon beside the corpora
      const r = await importItems(
        [file('bad.jsonl', jsonl)],
        opts('brand-new', { title: 'New', outlet: 'voa', createOutlets: true }),
      );
      expect(r.written).toEqual([]);
      expect(r.rejected.map((x) => x.where)).toEqual(lines.map((l) => `bad.jsonl ${l}`));
      expect(r.warnings).toEqual([expect.stringContaining('corpus "brand-new" was not created')]);
      expect(existsSync(path.join(root, 'brand-new'))).toBe(false);
    },
  );
});
