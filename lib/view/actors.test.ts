import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, aggregate } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';
import {
  actorLabelMatrix,
  actorLabelSummary,
  actorLabelsOf,
  actorToneMatrix,
  attributedGroups,
  storyActorLens,
} from './actors';
import { membersOf } from './model';
import { kwicRows, sentimentSentences } from './kwic';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const analyses = analyzeArticles(corpus);
const ex = aggregate(corpus, analyses, DEFAULT_OPTIONS);

const titlesOf = (e: typeof ex) => new Map(e.articles.map((a) => [a.id, a.title]));
const kwicOf = (e: typeof ex, sel: Parameters<typeof kwicRows>[3], sort: Parameters<typeof kwicRows>[4], q: string) =>
  kwicRows(e.mentions, titlesOf(e), new Set(membersOf(e, sel.outlet)), sel, sort, q);

describe('actorLabelMatrix (counts from the hand-checked table in lib/actors/seeds.test.ts)', () => {
  test('rows and columns are those used anywhere in the corpus, so outlets line up', () => {
    const a = actorLabelMatrix(ex, 'presstv', 'armed-groups');
    const b = actorLabelMatrix(ex, 'voa', 'armed-groups');
    expect(a.data.map((r) => r.id)).toEqual([
      'kurdish-groups',
      'turkish-backed',
      'us-backed',
      'islamic-state',
      'unattributed',
    ]);
    expect(a.categories).toEqual(b.categories);
    // every armed-group variant but "insurgents" occurs in the seeds
    expect(a.categories).toEqual([
      'terrorists',
      'jihadists',
      'islamists',
      'militants',
      'militia',
      'rebels',
      'fighters',
      'forces',
    ]);
  });

  test.each([
    ['presstv', 'kurdish-groups', { n: 4, militants: 1, forces: 2, terrorists: 1 }],
    ['news24', 'unattributed', { n: 5, militia: 1, rebels: 1, fighters: 1, jihadists: 1, forces: 1 }],
    // aggregator-a 6 (fighters, terrorists, militia, fighters, terror groups, forces) + lidtime.com 8
    ['aggregators', 'kurdish-groups', { n: 14, fighters: 4, terrorists: 4, militia: 4, forces: 2 }],
  ] as const)('%s × %s', (outlet, actor, expected) => {
    expect(actorLabelMatrix(ex, outlet, 'armed-groups').data.find((r) => r.id === actor)).toMatchObject(expected);
  });

  test('CSV has one row per actor × variant with the actor total', () => {
    const { csv } = actorLabelMatrix(ex, 'voa', 'armed-groups');
    expect(csv).toHaveLength(5 * 8);
    expect(csv.find((r) => r.actor === 'islamic-state' && r.variant === 'fighters')).toEqual({
      outlet: 'voa',
      actor: 'islamic-state',
      group: 'armed-groups',
      variant: 'fighters',
      count: 1,
      actorTotal: 2,
      share: 0.5,
    });
  });

  test('summary names the most frequent cells with their totals', () => {
    expect(actorLabelSummary(actorLabelMatrix(ex, 'presstv', 'armed-groups'), 'Press TV')).toBe(
      'Press TV: 7 attributed label uses; most frequent: Kurdish groups as "forces" (2 of 4), Islamic State as "terrorists / terror group" (1 of 1), Kurdish groups as "terrorists / terror group" (1 of 4).',
    );
  });

  test('only armed groups are attributed', () => expect(attributedGroups(ex)).toEqual(['armed-groups']));
});

describe('actorToneMatrix', () => {
  test('one column per outlet; cells carry the mean and the number of sentences', () => {
    const t = actorToneMatrix(ex, ['voa']);
    const row = t.data.find((r) => r.id === 'islamic-state')!;
    const tone = ex.actorTone.find((r) => r.outlet === 'voa' && r.actor === 'islamic-state')!;
    expect(row).toMatchObject({ voa: tone.meanSentence, 'n:voa': tone.sentences });
    // actors VOA never names are left out
    expect(t.data.map((r) => r.id)).not.toContain('russia');
  });

  test('the tone drill-down lists exactly the sentences the figure counts', () => {
    const tone = ex.actorTone.find((r) => r.outlet === 'voa' && r.actor === 'islamic-state')!;
    const rows = sentimentSentences(analyses, titlesOf(ex), new Set(['voa']), DEFAULT_OPTIONS, '', 'islamic-state');
    expect(rows).toHaveLength(tone.sentences);
    expect(rows.reduce((s, r) => s + r.score, 0) / rows.length).toBeCloseTo(tone.meanSentence!, 9);
  });
});

describe('kwicRows for an actor', () => {
  test.each([
    ['presstv', 'kurdish-groups', null, 4],
    ['news24', 'unattributed', null, 5],
    ['aggregator-a', 'islamic-state', 'terrorists', 1],
  ] as const)('%s · %s · %s: %i mentions', (outlet, actor, variant, n) => {
    const rows = kwicOf(ex, { kind: 'actor', outlet, actor, group: 'armed-groups', variant }, 'position', '');
    expect(rows).toHaveLength(n);
    expect(
      rows.every((r) =>
        actor === 'unattributed' ? r.actors.length === 0 && r.cue === null : r.actors.includes(actor),
      ),
    ).toBe(true);
  });
});

describe('actorLabelsOf: the actor lens of any set of articles, from their mention rows', () => {
  const canon = (rows: { outlet: string; actor: string; group: string; variant: string; count: number }[]) =>
    rows.map((r) => `${r.outlet}/${r.actor}/${r.group}/${r.variant}=${r.count}`).sort();
  test('over every mention it equals the tallies’ actor labels (a second implementation of the same count)', () => {
    const outlets = new Set(ex.outlets.map((o) => o.id));
    expect(canon(actorLabelsOf(ex.mentions, new Set(attributedGroups(ex))))).toEqual(
      canon(ex.actorLabels.filter((r) => outlets.has(r.outlet))),
    );
  });

  const m = (outlet: string, group: string, variant: string, actors: string[]) => ({ outlet, group, variant, actors });
  test.each<[string, ReturnType<typeof m>[], string[]]>([
    ['a label naming two actors counts for each', [m('a', 'g', 'v', ['x', 'y'])], ['a/x/g/v=1', 'a/y/g/v=1']],
    ['a label naming none is unattributed', [m('a', 'g', 'v', []), m('a', 'g', 'v', [])], ['a/unattributed/g/v=2']],
    ['groups not attributed are left out', [m('a', 'other', 'v', ['x'])], []],
  ])('%s', (_, mentions, expected) => {
    expect(canon(actorLabelsOf(mentions, new Set(['g'])))).toEqual(expected);
  });
});

describe('storyActorLens', () => {
  // Hand-made rows: Press TV calls the Kurdish groups "terrorists" twice and "militants" once; VOA calls them
  // "fighters" once; VOA's unattributed "militants" once.
  const rows = [
    { outlet: 'voa', actor: 'kurdish-groups', group: 'armed-groups', variant: 'fighters', count: 1 },
    { outlet: 'presstv', actor: 'kurdish-groups', group: 'armed-groups', variant: 'militants', count: 1 },
    { outlet: 'presstv', actor: 'kurdish-groups', group: 'armed-groups', variant: 'terrorists', count: 2 },
    { outlet: 'voa', actor: 'unattributed', group: 'armed-groups', variant: 'militants', count: 1 },
  ];
  const lens = storyActorLens(ex, rows);
  test.each<[string, unknown, unknown]>([
    ['outlets in corpus order', lens.outlets, ['presstv', 'voa']],
    ['actors in lexicon order, unattributed last', lens.rows.map((r) => r.actor), ['kurdish-groups', 'unattributed']],
    ['totals', lens.rows.map((r) => r.total), [4, 1]],
    [
      "Press TV's labels, most used first",
      lens.rows[0].cells.presstv.map((c) => `${c.label} ×${c.count}`),
      ['terrorists / terror group ×2', 'militants ×1'],
    ],
    ['no cell for an outlet that did not label the actor', lens.rows[1].cells.presstv, undefined],
    ['without set-aside rows none is marked set aside', lens.rows[0].cells.presstv.map((c) => c.setAside), [0, 0]],
    [
      // One of Press TV's two "terrorists" set aside: its cell says so; the other cells stay at 0.
      'a cell says how many of its labels are set aside',
      storyActorLens(ex, rows, [{ ...rows[2], count: 1 }]).rows.flatMap((r) =>
        Object.values(r.cells).flatMap((cs) => cs.map((c) => `${c.label} ${c.count}/${c.setAside}`)),
      ),
      ['terrorists / terror group 2/1', 'militants 1/0', 'fighters 1/0', 'militants 1/0'],
    ],
  ])('%s', (_, actual, expected) => expect(actual).toEqual(expected));
});
