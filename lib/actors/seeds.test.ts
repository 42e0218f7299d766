import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aggregate, DEFAULT_OPTIONS } from '../analysis/aggregate';
import { analyzeArticles } from '../analysis/run';
import { loadCorpus } from '../corpus/load';

const corpus = loadCorpus(path.join(process.cwd(), 'corpus', 'seeds'));
const analyses = analyzeArticles(corpus);

// Every armed-group label in the seeds with the actor it is attributed to, checked by hand against its sentence
// (article, the words just before the label, the label, actors). "-" is unattributed: the phrase names no actor
// ("local forces", "the Islamists", "Rebel fighters" and "the jihadists" name their actor only in other sentences).
const TABLE: [string, string, string, string][] = [
  // aggregator-a-2016-09-07-raqqa
  ['aggregator-a-2016-09-07-raqqa', 'de bomber on Turkish-backed ', 'rebels', 'turkish-backed'],
  ['aggregator-a-2016-09-07-raqqa', 'erly ISIS/ISIL) and Kurdish ', 'fighters', 'kurdish-groups'],
  ['aggregator-a-2016-09-07-raqqa', 'ers, who they also consider ', 'terrorists', 'kurdish-groups'],
  ['aggregator-a-2016-09-07-raqqa', 't was important that “local ', 'forces', '-'],
  ['aggregator-a-2016-09-07-raqqa', 'gan added. The Kurdish YPG ', 'militia', 'kurdish-groups'],
  ['aggregator-a-2016-09-07-raqqa', 'also denied killing six YPG ', 'fighters', 'kurdish-groups'],
  ['aggregator-a-2016-09-07-raqqa', '“If we take a backward step ', 'terror groups', 'islamic-state+kurdish-groups'],
  ['aggregator-a-2016-09-07-raqqa', 'tead of exclusively the YPG ', 'forces', 'kurdish-groups'],
  // lidtime-2016-09-08-invade
  ['lidtime-2016-09-08-invade', 'a reported. Turkish-backed ', 'militia', 'turkish-backed'],
  ['lidtime-2016-09-08-invade', 'king the advance of Kurdish ', 'forces', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', ' forces whom it regarded as ', 'terrorists', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', '24 with the aim of clearing ', 'terrorist groups', '-'],
  ['lidtime-2016-09-08-invade', ' attacks on Kurdish-aligned ', 'militias', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', 'qqa but USA -backed Kurdish ', 'militia', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', 'USA -backed Kurdish militia ', 'fighters', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', ' wounded four more when the ', 'Islamists', '-'],
  ['lidtime-2016-09-08-invade', 'when Turkish troops engaged ', 'fighters', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', 'ligned with the Kurdish YPG ', 'militia', 'kurdish-groups'],
  ['lidtime-2016-09-08-invade', 'a valuable ally in battling ', 'jihadists', '-'],
  ['lidtime-2016-09-08-invade', 'ates designate the PKK as a ', 'terrorist organisation', 'kurdish-groups'],
  // news24-2016-10-22-lasting-defeat
  ['news24-2016-10-22-lasting-defeat', ' joint efforts to deal ISIS ', 'jihadists', 'islamic-state'],
  ['news24-2016-10-22-lasting-defeat', 's second city Mosul from IS ', 'jihadists', 'islamic-state'],
  ['news24-2016-10-22-lasting-defeat', 'ence of anti-Ankara Kurdish ', 'militia', 'kurdish-groups'],
  ['news24-2016-10-22-lasting-defeat', ' rival sectarian and ethnic ', 'militias', '-'],
  ['news24-2016-10-22-lasting-defeat', 'deadly strikes on US-backed ', 'militias', 'us-backed'],
  ['news24-2016-10-22-lasting-defeat', 'a, including Syrian Kurdish ', 'fighters', 'kurdish-groups'],
  ['news24-2016-10-22-lasting-defeat', ' killed between 160 and 200 ', 'militants', 'kurdish-groups'],
  ['news24-2016-10-22-lasting-defeat', '(YPG), a group considered a ', 'terror group', 'kurdish-groups'],
  ['news24-2016-10-22-lasting-defeat', 's and troops to back Syrian ', 'rebels', 'turkish-backed'],
  ['news24-2016-10-22-lasting-defeat', "Dabiq. 'Burden of battle' ", 'Rebel', '-'],
  ['news24-2016-10-22-lasting-defeat', " 'Burden of battle' Rebel ", 'fighters', '-'],
  ['news24-2016-10-22-lasting-defeat', 'n a symbolic setback to the ', 'jihadists', '-'],
  ['news24-2016-10-22-lasting-defeat', 'es battle between Christian ', 'forces', '-'],
  // presstv-2016-08-30-carter
  ['presstv-2016-08-30-carter', 'rain from hitting US-backed ', 'militants', 'us-backed'],
  ['presstv-2016-08-30-carter', '-backed factions of Kurdish ', 'militants', 'kurdish-groups'],
  ['presstv-2016-08-30-carter', 'alition of Arab and Kurdish ', 'forces', 'kurdish-groups'],
  ['presstv-2016-08-30-carter', ' the operation is aimed at “', 'terror groups', 'islamic-state+kurdish-groups'],
  ['presstv-2016-08-30-carter', 'e operation, Turkish-backed ', 'militants', 'turkish-backed'],
  ['presstv-2016-08-30-carter', 'aesh and preventing Kurdish ', 'forces', 'kurdish-groups'],
  // voa-2016-10-21-cooperation
  ['voa-2016-10-21-cooperation', ' fighting the Islamic State ', 'terror group', 'islamic-state'],
  ['voa-2016-10-21-cooperation', 'Iraqi city of Mosul from IS ', 'fighters', 'islamic-state'],
  ['voa-2016-10-21-cooperation', ' rival sectarian and ethnic ', 'militias', '-'],
  ['voa-2016-10-21-cooperation', ' training Sunni and Kurdish ', 'fighters', 'kurdish-groups'],
];

describe('actor attribution on the seeds, checked by hand', () => {
  const found = analyses.flatMap((a) => a.mentions.filter((m) => m.group === 'armed-groups').map((m) => ({ a, m })));

  test('the table lists every armed-group label in the seeds, in order', () => {
    expect(found.map(({ a, m }) => `${a.id}|${m.text}`)).toEqual(TABLE.map(([id, , label]) => `${id}|${label}`));
  });

  test.each(TABLE.map((row, i) => [i, ...row] as const))('#%i %s: …%s[%s] → %s', (i, id, left, label, actors) => {
    const { a, m } = found[i];
    expect(a.id).toBe(id);
    expect(a.text.slice(Math.max(0, m.start - 28), m.start).replace(/\s+/g, ' ')).toBe(left);
    expect(m.text).toBe(label);
    expect(m.actors.join('+') || '-').toBe(actors);
  });
});

describe('actor export on the seeds', () => {
  const ex = aggregate(corpus, analyses, DEFAULT_OPTIONS);
  const rows = (outlet: string) =>
    Object.fromEntries(
      ex.actorLabels.filter((r) => r.outlet === outlet).map((r) => [`${r.actor}/${r.variant}`, r.count]),
    );

  // Press TV, from the table: "US-backed militants" (title); "factions of Kurdish militants"; "Arab and Kurdish
  // forces";
  // “terror groups” such as Daesh and the PYD (counts once for each); "Turkish-backed militants"; "Kurdish forces".
  test('Press TV actor × label counts', () => {
    expect(rows('presstv')).toEqual({
      'us-backed/militants': 1,
      'kurdish-groups/militants': 1,
      'kurdish-groups/forces': 2,
      'islamic-state/terrorists': 1,
      'kurdish-groups/terrorists': 1,
      'turkish-backed/militants': 1,
    });
  });

  // VOA: "Islamic State terror group", "from IS fighters", "ethnic militias", "Sunni and Kurdish fighters".
  test('VOA actor × label counts', () => {
    expect(rows('voa')).toEqual({
      'islamic-state/terrorists': 1,
      'islamic-state/fighters': 1,
      'unattributed/militia': 1,
      'kurdish-groups/fighters': 1,
    });
  });

  test('an outlet group sums its members', () => {
    const sum = (ids: string[]) =>
      ex.actorLabels.filter((r) => ids.includes(r.outlet)).reduce((s, r) => s + r.count, 0);
    const g = ex.outletGroups.find((x) => x.id === 'aggregators')!;
    expect(sum(['aggregators'])).toBe(sum(g.members));
  });

  test('actors list the lexicon actors, then unattributed', () => {
    expect(ex.actors.map((x) => x.id)).toEqual([...corpus.lexicon.actors.map((x) => x.id), 'unattributed']);
  });
});
