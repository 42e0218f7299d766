import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';

// As in the production server: views never analyse. The modules read the roots when first imported, so they load
// after these are set. analyzeArticle is counted on this thread (workers load their own, uncounted copy).
const root = mkdtempSync(path.join(tmpdir(), 'framescope-bundles-'));
process.env.FRAMESCOPE_CORPUS_ROOT = root;
process.env.FRAMESCOPE_SNAPSHOTS = path.join(root, '.snapshots');
process.env.FRAMESCOPE_BACKGROUND_ANALYSIS = '1';
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
  cpSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), path.join(root, 'lexicon.json'));
  cpSync(path.join(process.cwd(), 'corpus', 'seeds'), path.join(root, 's'), { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(root, 's', 'corpus.json'), 'utf8'));
  writeFileSync(path.join(root, 's', 'corpus.json'), JSON.stringify({ ...manifest, id: 's' }));
});

const analysed = () => run.analyzeArticles(load.loadCorpus(path.join(root, 's')));

describe('views read stored analyses and never analyse', () => {
  test('a corpus with nothing stored says how far its background analysis is, then serves what workers made', async () => {
    let thrown: unknown;
    try {
      bundles.getBundle('s');
    } catch (e) {
      thrown = e;
    }
    expect(prepare.isAnalysing(thrown)).toBe(true);
    // The seeds hold 5 articles; none is stored yet.
    expect((thrown as InstanceType<typeof prepare.AnalysingError>).progress).toMatchObject({ corpus: 's', total: 5 });
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
    // The folder's per-file scan is taken at most every RESCAN_MS; a new file also moves the folder's mtime.
    const served = bundles.getBundle('s');
    expect(served).toBe(before);
    expect(served.corpus.articles).toHaveLength(5);
    await prepare.settled('s');
    const after = bundles.getBundle('s');
    expect(after.corpus.articles.map((a) => a.id)).toContain('voa-added');
    expect(after.corpus.articles).toHaveLength(6);
    expect(counted.calls).toBe(0);
    expect(after.live.analyses).toEqual(analysed());
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
});
