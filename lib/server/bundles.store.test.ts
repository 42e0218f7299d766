import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { copySeedsAs, serverTestRoot } from './testRoot';

// As in the production server: views never analyse. The modules read the roots when first imported, so they load
// after these are set. analyzeArticle is counted on this thread (workers load their own, uncounted copy).
const root = serverTestRoot('bundles');
const counted = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../analysis/article', async (original) => {
  const m = await original<typeof import('../analysis/article')>();
  return {
    ...m,
    analyzeArticle: (...a: Parameters<typeof m.analyzeArticle>) => {
      counted.calls++;
      return m.analyzeArticle(...a);
    },
  };
});

let bundles: typeof import('./bundles');
let prepare: typeof import('../store/prepare');
let load: typeof import('../corpus/load');
let run: typeof import('../analysis/run');
beforeAll(async () => {
  bundles = await import('./bundles');
  prepare = await import('../store/prepare');
  load = await import('../corpus/load');
  run = await import('../analysis/run');
  copySeedsAs(root, 's');
});

const analysed = () => run.analyzeArticles(load.loadCorpus(path.join(root, 's')));

const thrownBy = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

describe('views read stored analyses and never analyse', () => {
  test('a corpus with nothing stored says how far its preparation is, which the watcher (not a view) starts', async () => {
    const thrown = thrownBy(() => bundles.getBundle('s'));
    expect(prepare.isAnalysing(thrown)).toBe(true);
    // The seeds hold 5 articles; none is stored yet.
    expect((thrown as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
      corpus: 's',
      done: 0,
      total: 5,
    });
    // A view never starts a write: asking again leaves the corpus unprepared until the watcher looks.
    expect(prepare.isAnalysing(thrownBy(() => bundles.getBundle('s')))).toBe(true);
    expect(prepare.preparationOf('s')).toBeUndefined();
    const started = await bundles.noticeChanges();
    expect(started.map((x) => x.corpus)).toEqual(['s']);
    const p = await prepare.settled('s');
    expect(p?.error).toBeNull();
    counted.calls = 0;
    const b = bundles.getBundle('s');
    const expected = analysed();
    expect(b.live.analyses).toEqual(expected);
    expect(b.corpus.articles).toHaveLength(5);
    // The provenance came from the store: the same as computing it here.
    const { corpusProvenance } = await import('../provenance/corpusProvenance');
    const { reuseRows } = await import('../provenance/exportRows');
    const full = corpusProvenance(b.corpus, expected);
    expect(b.provenance.articles).toEqual(full.articles);
    expect(reuseRows(b.provenance)).toEqual(reuseRows(full));
    expect(counted.calls).toBe(5); // the 5 made by analysed() above, none by getBundle
  }, 60_000);

  test('a hand-added article: the previous version serves until the workers have analysed the new one', async () => {
    const before = bundles.getBundle('s');
    const src = readFileSync(path.join(root, 's', 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    writeFileSync(
      path.join(root, 's', 'articles', 'voa-added.txt'),
      src.replace(/^id: .*$/m, 'id: voa-added').replace(/^raw: .*\n/m, '') + '\nRebels and militants were seen.\n',
    );
    counted.calls = 0;
    const finished = prepare.preparationOf('s');
    // The folder's per-file scan is taken at most every RESCAN_MS; a new file also moves the folder's mtime.
    const served = bundles.getBundle('s');
    expect(served).toBe(before);
    // Its text was read by the views of the test above, before the edit.
    expect(served.corpus.articles).toHaveLength(5);
    // The view started nothing; the watcher's next look does.
    expect(prepare.preparationOf('s')).toBe(finished);
    expect((await bundles.noticeChanges()).map((x) => x.corpus)).toEqual(['s']);
    // Looking again while it runs starts nothing more.
    expect(await bundles.noticeChanges()).toEqual([]);
    await prepare.settled('s');
    const after = bundles.getBundle('s');
    expect(after.corpus.articles.map((a) => a.id)).toContain('voa-added');
    expect(after.corpus.articles).toHaveLength(6);
    expect(counted.calls).toBe(0);
    expect(after.live.analyses).toEqual(analysed());
    // Nothing changed since: the watcher's next look starts nothing.
    expect(await bundles.noticeChanges()).toEqual([]);
  }, 60_000);

  test('date ranges read the stored year and month tallies: equal to a fresh tally of the articles in range', async () => {
    const b = bundles.getBundle('s');
    const { readTallies, talliesKeyOf } = await import('../store/tallies');
    const { currentStore } = await import('../store/current');
    const keys = await import('../store/keys');
    const scope = { corpus: 's', lexicon: keys.lexiconKey(b.corpus.lexicon) };
    const version = keys.versionKey(b.corpus.articles.map(keys.articleKey), scope.lexicon);
    // The preparation stored this version's tallies (the hand-added article included).
    expect(readTallies(currentStore(), scope, talliesKeyOf(b.corpus, version))?.months.size).toBe(6);
    const { tallyByOutlet } = await import('../analysis/tallies');
    const { attributedGroups } = await import('../analysis/aggregate');
    const dateOf = new Map(b.corpus.articles.map((a) => [a.id, a.date]));
    for (const [from, to] of [
      ['2016-01-01', '2016-12-31'],
      ['2016-10-01', '2016-10-31'],
      ['2016-10-15', '2016-11-30'],
    ]) {
      const slice = bundles.sliceFor(b, { from, to, shared: null });
      const kept = b.live.analyses.filter((a) => {
        const d = dateOf.get(a.id);
        return d !== null && d !== undefined && d >= from && d <= to;
      });
      expect(slice.byOutlet).toEqual(tallyByOutlet(kept, attributedGroups(b.corpus)));
    }
  });

  test('a version whose provenance is not stored yet serves every view but those that read provenance', async () => {
    const { storeTallies } = await import('../store/talliesJob');
    const { storeProvenance } = await import('../store/provenanceJob');
    const { analyseCorpus } = await import('../store/prepare');
    const { STORE_ROOT } = await import('../store/current');
    const dir = path.join(root, 's');
    const src = readFileSync(path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    writeFileSync(
      path.join(dir, 'articles', 'voa-second.txt'),
      src.replace(/^id: .*$/m, 'id: voa-second').replace(/^raw: .*\n/m, '') + '\nFighters were seen.\n',
    );
    counted.calls = 0;
    // The preparation's first two stages, by hand, so the test holds the version between tallies and provenance.
    const c = load.loadCorpus(dir);
    await prepare.tracked('s', 'test', (p) => analyseCorpus(p, c.articles, c.lexicon));
    await storeTallies(dir, STORE_ROOT);
    const b = bundles.getBundle('s');
    expect(b.corpus.articles).toHaveLength(7);
    const whole = { from: null, to: null, shared: null };
    const q = { corpus: 's', version: null, voice: 'all', scope: 'all', subset: whole } as const;
    // The overview's statistics serve.
    expect(bundles.getExport({ ...q, provenance: 'all' }).counts.length).toBeGreaterThan(0);
    // What reads provenance waits, saying so; the drill-down marks are left out meanwhile.
    const pending = thrownBy(() => bundles.provenanceOf(new URLSearchParams('corpus=s')));
    expect(prepare.isAnalysing(pending)).toBe(true);
    expect((pending as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({
      stage: 'provenance',
      done: 7,
      total: 7,
    });
    expect(prepare.isAnalysing(thrownBy(() => bundles.getExport({ ...q, provenance: 'original' })))).toBe(true);
    expect(bundles.provenanceIfReady(b)).toBeNull();
    // Once its worker has stored it, the same bundle reads it.
    await storeProvenance(dir, STORE_ROOT);
    expect(bundles.getBundle('s')).toBe(b);
    expect(bundles.provenanceIfReady(b)?.articles).toHaveLength(7);
    expect(thrownBy(() => bundles.provenanceOf(new URLSearchParams('corpus=s')))).toBeNull();
    expect(counted.calls).toBe(0);
  }, 60_000);

  test('answers rendered while a background preparation runs are keyed apart from those after it', async () => {
    const idle = bundles.dataVersionOf({ corpus: 's' });
    let during = '';
    // A preparation that ends without storing anything (another server stored the same data first): no file or
    // store stamp changes, so only the preparation itself can tell the two apart.
    await prepare.tracked('s', 'v-test', async () => {
      during = bundles.dataVersionOf({ corpus: 's' });
    });
    expect(during).not.toBe(idle);
    expect(during).toContain('preparing v-test');
    expect(bundles.dataVersionOf({ corpus: 's' })).toBe(idle);
  });

  test('while a write in this server runs, the watcher starts no preparation of its half-written version', async () => {
    const dir = path.join(root, 's');
    const src = readFileSync(path.join(dir, 'articles', 'voa-2016-10-21-cooperation.txt'), 'utf8');
    await bundles.noticeChanges();
    await prepare.settled('s');
    const inside = await bundles.whileWriting('s', async () => {
      writeFileSync(
        path.join(dir, 'articles', 'voa-third.txt'),
        src.replace(/^id: .*$/m, 'id: voa-third').replace(/^raw: .*\n/m, '') + '\nGunmen were seen.\n',
      );
      // The article's analysis is not stored (this write does not store it): a watcher's look would prepare it, and so
      // would the PostgreSQL replica hearing the write's own rows.
      expect(await bundles.analyseMissingInBackground('s')).toBeNull();
      return bundles.noticeChanges();
    });
    expect(inside).toEqual([]);
    // Once the write is over, the next look sees what the writer left unprepared.
    expect((await bundles.noticeChanges()).map((x) => x.corpus)).toEqual(['s']);
    await prepare.settled('s');
    expect(bundles.getBundle('s').corpus.articles.map((a) => a.id)).toContain('voa-third');
  }, 60_000);
});

describe('a replica that pulled every kind but its own folder index', () => {
  test('is prepared in the background, which stores only the index and analyses nothing', async () => {
    const { readdirSync, rmSync } = await import('node:fs');
    const { STORE_ROOT } = await import('../store/current');
    await bundles.noticeChanges();
    await prepare.settled('s');
    expect(await bundles.analyseMissingInBackground('s')).toBeNull();
    // As on a PostgreSQL replica: the writer's tallies, time cells, postings and provenance are here; the index, keyed
    // by the writer's folder times, is not.
    const indexes = () =>
      readdirSync(path.join(STORE_ROOT, 's'), { recursive: true, encoding: 'utf8' }).filter((f) =>
        path.basename(f).startsWith('corpus-index-'),
      );
    for (const f of indexes()) rmSync(path.join(STORE_ROOT, 's', f));
    expect(indexes()).toEqual([]);
    counted.calls = 0;
    const p = await bundles.analyseMissingInBackground('s');
    expect(p?.corpus).toBe('s');
    expect((await prepare.settled('s'))?.error).toBeNull();
    expect(indexes()).toHaveLength(1);
    expect(counted.calls).toBe(0);
    expect(await bundles.analyseMissingInBackground('s')).toBeNull();
  }, 60_000);
});
