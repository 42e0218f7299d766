import { expect, test } from 'vitest';
import { analyzeArticle, compileEngine } from '../analysis/article';
import { bodyArticle } from '../analysis/testArticle';
import type { Article } from '../types';
import { countMentions } from './countChange';
import { countOffThread, PreviewStopped } from './countOffThread';
import { testLexicon } from './testLexicon';

const SENTENCE = 'Militants and ISIS fighters clashed with Daesh terrorists near the town, officials said. ';

test.each<[string, Article[]]>([
  [
    'two short articles',
    [bodyArticle('a', 'x', SENTENCE), bodyArticle('b', 'y', `${SENTENCE}"The militants," he said.`)],
  ],
  ['no articles', []],
])(
  'counts in a worker exactly as in this thread: %s',
  async (_case, articles) => {
    const lex = testLexicon();
    const engine = compileEngine(lex);
    const here = countMentions(articles.map((a) => analyzeArticle(a, engine)));
    expect(await countOffThread(articles, lex, 20_000)).toEqual(here);
  },
  30_000,
);

test('a preview over its budget is stopped with a reason that says how to go on', async () => {
  // About 9 MB of labelled text: seconds of analysis on any machine, against a 100 ms budget.
  const huge = [bodyArticle('h', 'x', SENTENCE.repeat(100_000))];
  const err = await countOffThread(huge, testLexicon(), 100).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PreviewStopped);
  expect((err as Error).message).toBe(
    'The preview took longer than 0.1 s and was stopped. Save without a preview, or raise FRAMESCOPE_LEXICON_PREVIEW_MS.',
  );
}, 30_000);

test('one preview at a time: a second one while the first is counting is refused with a reason', async () => {
  const huge = [bodyArticle('h', 'x', SENTENCE.repeat(100_000))];
  const first = countOffThread(huge, testLexicon(), 100).catch((e: unknown) => e);
  const second = await countOffThread([bodyArticle('a', 'x', SENTENCE)], testLexicon(), 20_000).catch(
    (e: unknown) => e,
  );
  expect(second).toBeInstanceOf(PreviewStopped);
  expect((second as PreviewStopped).why).toBe('busy');
  expect(((await first) as PreviewStopped).why).toBe('time');
  // Once the first is over, the next one runs.
  expect((await countOffThread([bodyArticle('a', 'x', SENTENCE)], testLexicon(), 20_000)).size).toBeGreaterThan(0);
}, 30_000);
