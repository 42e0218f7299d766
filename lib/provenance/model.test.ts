import { describe, expect, test } from 'vitest';
import { creditSources } from './credits';
import { addProvenance, buildProvenance, type ProvenanceInput } from './model';

const WIRE =
  'Syrian government forces backed by Russian air strikes advanced on the northern city of Aleppo on Tuesday. ' +
  'The militants withdrew from three villages after heavy fighting that lasted through the night.';
const OTHER =
  'The weather in the capital stayed mild all week, and the markets were busy with shoppers before the holiday. ' +
  'Officials opened a new bridge across the river that will carry trucks to the port.';

/** Sentence spans split at ". " (the hand-made texts have no other full stops). */
function input(id: string, outlet: string, date: string, text: string): ProvenanceInput {
  const sentences: { start: number; end: number }[] = [];
  let at = 0;
  for (let i = text.indexOf('. '); i !== -1; i = text.indexOf('. ', i + 1)) {
    sentences.push({ start: at, end: i + 1 });
    at = i + 2;
  }
  sentences.push({ start: at, end: text.length });
  return { id, outlet, date, text, bodyStart: 0, sentences };
}

const sources = creditSources([
  { id: 'wire', name: 'The Wire' },
  { id: 'paper', name: 'The Paper' },
]);

const kinds = (p: ReturnType<typeof buildProvenance>, id: string) =>
  p.articles[p.byId.get(id)!].sentences.map((s) => s.kind);

describe('sentence provenance on hand-made cases', () => {
  test.each([
    // Exact copy: both sentences of the wire appear word for word.
    ['exact copy', WIRE, ['shared', 'shared'], 1],
    // One word changed ("militants" -> "terrorists"): still the same passage.
    [
      'one word changed',
      WIRE.replace('militants', 'terrorists'),
      ['shared', 'shared'],
      // The second sentence has 14 words (counted by hand); all but "terrorists" are in shared runs.
      13 / 14,
    ],
    // A stripped comma and changed case are no edit at all.
    ['punctuation and case', WIRE.replace('Aleppo on', 'Aleppo, on').toLowerCase(), ['shared', 'shared'], 1],
  ])('%s', (_name, copy, expected, secondSimilarity) => {
    const p = buildProvenance(
      [input('w1', 'wire', '2016-01-01', WIRE), input('p1', 'paper', '2016-01-02', `${copy} ${OTHER}`)],
      sources,
    );
    expect(kinds(p, 'p1')).toEqual([...expected, 'original', 'original']);
    const second = p.articles[1].sentences[1];
    expect(second.sourceArticle).toBe('w1');
    expect(second.similarity).toBeCloseTo(secondSimilarity, 5);
    // The wire is the earliest holder, so its own sentences name itself as the source.
    expect(p.articles[0].sentences.map((s) => s.sourceArticle)).toEqual(['w1', 'w1']);
  });

  test('reordered paragraphs: each paragraph is found on its own', () => {
    const [s1, s2] = WIRE.split('. ');
    const reordered = `${s2} ${s1}.`;
    const p = buildProvenance(
      [input('w1', 'wire', '2016-01-01', WIRE), input('p1', 'paper', '2016-01-02', reordered)],
      sources,
    );
    expect(kinds(p, 'p1')).toEqual(['shared', 'shared']);
    const pair = p.index.pairs[1][0];
    // Two passages, one per sentence, in swapped order on the other side.
    expect(pair.passages).toHaveLength(2);
  });

  test('a short common phrase does not count', () => {
    const a = 'Dozens were hurt in a market blast in Idlib, the Syrian Observatory for Human Rights said on Monday.';
    const b = 'Two schools were hit by shells near Daraa overnight, the Syrian Observatory for Human Rights said.';
    const p = buildProvenance([input('a', 'wire', '2016-01-01', a), input('b', 'paper', '2016-01-02', b)], sources);
    expect(kinds(p, 'a')).toEqual(['original']);
    expect(kinds(p, 'b')).toEqual(['original']);
    expect(p.index.pairs[1]).toEqual([]);
  });

  test('earliest by date is the source, whatever the order of insertion', () => {
    const p = buildProvenance(
      [input('late', 'paper', '2016-03-01', WIRE), input('early', 'wire', '2016-01-01', WIRE)],
      sources,
    );
    expect(p.articles[0].sentences[0].sourceArticle).toBe('early');
    expect(p.articles[0].sentences[0].others.map((o) => o.article)).toEqual(['early']);
  });

  test('credited: untraced sentences of an article with a credit line', () => {
    const text = `${OTHER} (AFP)`;
    const p = buildProvenance([input('c', 'paper', '2016-01-01', text)], sources);
    expect(p.articles[0].credited).toEqual(['afp']);
    // Two sentences and the credit line itself, which the hand splitter makes a third.
    expect(kinds(p, 'c')).toEqual(['credited', 'credited', 'credited']);
  });

  test('adding one article updates only it and its partners', () => {
    const p = buildProvenance(
      [input('w1', 'wire', '2016-01-01', WIRE), input('o', 'paper', '2016-01-01', OTHER)],
      sources,
    );
    expect(kinds(p, 'w1')).toEqual(['original', 'original']);
    const before = p.articles[1];
    expect(addProvenance(p, [input('p2', 'paper', '2016-02-01', WIRE)]).sort()).toEqual(['p2', 'w1']);
    expect(kinds(p, 'w1')).toEqual(['shared', 'shared']);
    expect(p.articles[1]).toBe(before);
  });
});
