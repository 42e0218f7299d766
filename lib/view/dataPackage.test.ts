import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { dataPackage, packageTables } from './dataPackage';
import { zipArchive } from './zip';

const corpus = loadCorpus('corpus/seeds');
const ex = aggregate(corpus, analyzeArticles(corpus), DEFAULT_OPTIONS);
const source = {
  filters: 'own voice and quotations; title, captions and body',
  viewUrl: 'http://localhost:3000/?corpus=seeds&v=abc',
  packageUrl: 'http://localhost:3000/api/download?corpus=seeds&v=abc',
  exported: '2026-11-22',
};
const files = dataPackage(ex, JSON.stringify(ex), source);
const dir = mkdtempSync(path.join(tmpdir(), 'framescope-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const zipFile = path.join(dir, 'package.zip');
writeFileSync(zipFile, zipArchive(files, new Date('2026-11-22T06:00:00Z')));

// Python reads the ZIP back (an independent reader) and parses each CSV with its comment lines skipped.
const READ = `
import csv, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {}
for name in z.namelist():
    text = z.read(name).decode('utf-8')
    if name.endswith('.csv'):
        body = [l for l in text.splitlines(True) if not l.startswith('#')]
        rows = list(csv.DictReader(io.StringIO(''.join(body))))
        out[name] = {'comments': [l for l in text.splitlines() if l.startswith('#')], 'rows': rows}
    else:
        out[name] = text
print(json.dumps(out))
`;
const readBack = JSON.parse(execFileSync('python3', ['-c', READ, zipFile], { encoding: 'utf8' })) as Record<
  string,
  { comments: string[]; rows: Record<string, string>[] } | string
>;
const table = (name: string) => readBack[name] as { comments: string[]; rows: Record<string, string>[] };

describe('a data package, read back from its ZIP', () => {
  test('unzip -t finds no error', () => {
    expect(execFileSync('unzip', ['-t', zipFile], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  test('it holds the README, citation, methods, every table and the JSON export', () => {
    expect(Object.keys(readBack)).toEqual([
      'README.txt',
      'CITATION.txt',
      'METHODS.txt',
      ...packageTables(ex).map((t) => t.doc.file),
      'export.json',
    ]);
    expect(JSON.parse(readBack['export.json'] as string).counts).toHaveLength(ex.counts.length);
  });

  test.each<[string, () => number]>([
    ['counts.csv', () => ex.counts.length],
    ['stance.csv', () => ex.stance.length],
    ['distinctive.csv', () => ex.distinctive.length],
    ['sentiment.csv', () => ex.sentiment.length],
    ['mentions.csv', () => ex.mentions.length],
    ['actor-labels.csv', () => ex.actorLabels.length],
    ['actor-tone.csv', () => ex.actorTone.length],
    ['set-aside.csv', () => ex.setAside.length],
    ['articles.csv', () => ex.articles.length],
    // The seeds have 5 outlets (corpus/seeds/corpus.json).
    ['outlets.csv', () => 5],
  ])('%s has one row per export row, under comment lines naming corpus, version, filters and URL', (name, n) => {
    const t = table(name);
    expect(t.rows).toHaveLength(n());
    expect(t.comments[1]).toBe(`# corpus: ${ex.corpus.title} (seeds), version ${ex.corpus.version}`);
    expect(t.comments[2]).toBe(`# filters: ${source.filters}`);
    expect(t.comments[3]).toBe(`# url: ${source.viewUrl}`);
  });

  test('numbers are rounded as in the per-chart CSVs: shares to 4 decimals, q to 3 significant figures', () => {
    const shares = table('counts.csv').rows.map((r) => r.share);
    expect(shares).toEqual(ex.counts.map((c) => (c.share === null ? '' : String(Number(c.share.toFixed(4))))));
    expect(shares.some((s) => s.length > 6)).toBe(false);
    const q = table('distinctive.csv').rows.map((r) => r.q);
    expect(q).toEqual(ex.distinctive.map((d) => String(Number(d.q.toPrecision(3)))));
  });

  test('a mention row keeps its sentence (commas and quotes survive) and flattens actors and the cue', () => {
    const rows = table('mentions.csv').rows;
    ex.mentions.forEach((m, i) => {
      expect(rows[i].sentence).toBe(m.sentence);
      expect(rows[i].actors).toBe(m.actors.join(';'));
      expect(rows[i].actorCueRule).toBe(m.actorCue?.rule ?? '');
    });
  });

  test('the README names corpus, version, filters, both URLs, the attribution and every file', () => {
    const readme = readBack['README.txt'] as string;
    for (const s of [ex.corpus.title, ex.corpus.version, source.filters, source.viewUrl, source.packageUrl])
      expect(readme).toContain(s);
    expect(readme.replace(/\n/g, ' ')).toContain(ex.corpus.attribution!.slice(0, 60));
    for (const t of packageTables(ex)) expect(readme).toContain(`${t.doc.file}: one row per`);
  });

  test('the citation is APA and BibTeX with the pinned URL; the methods list every statistic', () => {
    expect(readBack['CITATION.txt']).toMatch(/^APA\nFramescope\. \(2026\)\. Data of /);
    expect(readBack['CITATION.txt']).toContain('@misc{framescope-seeds-');
    expect(readBack['CITATION.txt']).toContain(source.viewUrl);
    expect(readBack['METHODS.txt']).toContain('Stance index');
    expect(readBack['METHODS.txt']).toContain('Known limits');
  });
});
