import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  captionOf,
  dataPackageOf,
  datesOf,
  drillDown,
  openView,
  sharedOf,
  storiesOfView,
  timeseriesOf,
  type View,
} from './dataset';

function view(pathname: string, query = ''): View {
  const opened = openView(pathname, new URLSearchParams(query));
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.view;
}

describe('the date range through the door', () => {
  test.each([
    // Seeds dates read in the files: 08-30 (presstv), 09-07, 09-08, 10-21, 10-22.
    ['', 5, 0],
    ['from=2016-09-01&to=2016-09-30', 2, 3],
    ['to=2016-08-31', 1, 4],
  ])('?%s counts %i articles, %i outside', (query, kept, outside) => {
    const v = view('/', query);
    expect(v.stats.outlets.reduce((s, o) => s + o.articles, 0)).toBe(kept);
    expect(v.stats.dateRange).toMatchObject({ articles: kept, outside, undated: 0 });
    expect(datesOf(v).counts).toEqual({ kept, outside, undated: 0 });
  });

  test('a range that leaves Press TV out leaves its drill-down empty', () => {
    // Press TV's only seed article is dated 2016-08-30.
    expect(drillDown(view('/', 'sel=m.presstv.islamic-state.daesh'))!.rows.total).toBe(7);
    expect(drillDown(view('/', 'sel=m.presstv.islamic-state.daesh&from=2016-09-01'))!.rows.total).toBe(0);
  });

  test('the histogram has every month from the first to the last dated article', () => {
    expect(datesOf(view('/')).months).toEqual([
      { month: '2016-08', articles: 1 },
      { month: '2016-09', articles: 2 },
      { month: '2016-10', articles: 2 },
    ]);
  });
});

describe('naming over time on FA-KES', () => {
  const v = view('/time', 'corpus=fa-kes&group=islamic-state&outlets=dailysabah&bin=quarter');
  const ts = timeseriesOf(v)!;

  test('each count equals the mention rows of the articles dated in the period (a second computation)', () => {
    const monthly = view('/', 'corpus=fa-kes&from=2016-07-01&to=2016-09-30&sel=m.dailysabah.islamic-state');
    const fromDrill = drillDown(monthly)!.rows.total;
    const total = ts.rows.find((r) => r.period === '2016-Q3' && r.variant === ts.rows[0].variant)!.groupTotal;
    expect(total).toBe(fromDrill);
    const at = drillDown(
      view(
        '/time',
        'corpus=fa-kes&group=islamic-state&outlets=dailysabah&bin=quarter&at=2016-Q3&sel=m.dailysabah.islamic-state',
      ),
    )!;
    expect(at.rows.total).toBe(fromDrill);
    // The first drill-down makes FA-KES's provenance in memory (its marks; nothing is stored in tests): a few seconds.
  }, 60_000);

  test('shares of a period with mentions add up to 1, and intervals hold their share', () => {
    for (const p of ts.periods) {
      const rows = ts.rows.filter((r) => r.period === p.id);
      if (!rows[0].groupTotal) continue;
      expect(rows.reduce((s, r) => s + r.share!, 0)).toBeCloseTo(1, 12);
      for (const r of rows) expect(r.shareLow! <= r.share! && r.share! <= r.shareHigh!).toBe(true);
    }
  });
});

describe('stories and same-stories compare on FA-KES', () => {
  test('stories in July 2016 list only July articles', () => {
    const stories = storiesOfView(view('/stories', 'corpus=fa-kes&from=2016-07-01&to=2016-07-31'));
    expect(stories.length).toBeGreaterThan(0);
    for (const s of stories) for (const a of s.items) expect(a.date.startsWith('2016-07')).toBe(true);
  });

  test('same stories only restricts both outlets to the stories both covered', () => {
    // ahram and alaraby share the Hasakeh bakery bombing (2016-07-05) among others (lib/stories/cluster.test.ts).
    const all = view('/compare', 'corpus=fa-kes&outlets=ahram,alaraby');
    const same = view('/compare', 'corpus=fa-kes&outlets=ahram,alaraby&stories=shared');
    const shared = sharedOf(same)!;
    expect(sharedOf(all)).toBeNull();
    expect(shared.stories).toBeGreaterThan(0);
    const counted = same.stats.outlets
      .filter((o) => o.id === 'ahram' || o.id === 'alaraby')
      .reduce((s, o) => s + o.articles, 0);
    expect(counted).toBe(shared.articles);
    expect(counted).toBeLessThan(
      all.stats.outlets.filter((o) => o.id === 'ahram' || o.id === 'alaraby').reduce((s, o) => s + o.articles, 0),
    );
  });
});

describe('"Download all data" through the door', () => {
  test.each([
    // Seeds dates read in the files: two articles in September 2016 (09-07, 09-08), five in all.
    ['from=2016-09-01&to=2016-09-30', 2, 'articles dated 2016-09-01 to 2016-09-30 (2 of 5)'],
    ['voice=own', 5, "the outlet's own voice only (quotations excluded); title, captions and body"],
  ])('?%s: %i article rows; README and every CSV say "%s"', (query, articles, caption) => {
    const v = view('/api/download', query);
    expect(captionOf(v)).toContain(caption);
    const dir = mkdtempSync(path.join(tmpdir(), 'framescope-door-'));
    try {
      const file = path.join(dir, 'p.zip');
      writeFileSync(file, dataPackageOf(v, 'https://framescope.example.org'));
      const readme = execFileSync('unzip', ['-p', file, 'README.txt'], { encoding: 'utf8' });
      expect(readme).toContain(caption);
      expect(readme).toContain(`version ${v.stats.corpus.version}`);
      expect(readme).toContain(`https://framescope.example.org/api/download?`);
      expect(readme).toContain(`v=${v.stats.corpus.version}`);
      const csv = execFileSync('unzip', ['-p', file, 'articles.csv'], { encoding: 'utf8' });
      expect(csv).toContain(`# filters: ${captionOf(v)}`);
      // Comment lines, the header, then one line per article (seed titles hold no line breaks).
      expect(csv.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(articles + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
