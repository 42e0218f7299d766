import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { seededTestRoot, TEST_AUTH } from '@/lib/server/testRoot';

const root = seededTestRoot('lexpreview');
let POST: typeof import('./route').POST;
beforeAll(async () => {
  ({ POST } = await import('./route'));
});

const AUTH = { authorization: TEST_AUTH };
const post = (body: unknown, headers: Record<string, string> = AUTH) =>
  POST(
    new Request('http://localhost/api/lexicon/preview', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
type Lex = { groups: { id: string; variants: object[] }[] };
const lexicon = () => JSON.parse(readFileSync(path.join(root, 'lexicon.json'), 'utf8')) as Lex;
const withVariant = (group: string, v: object) => {
  const lex = lexicon();
  lex.groups.find((g) => g.id === group)!.variants.push(v);
  return JSON.stringify(lex);
};
// Words no pattern of the bundled lexicon claims, added to a group that sets nothing aside (so every occurrence counts).
const NEW = { id: 'places', label: 'places', patterns: ['Dabiq', 'separatists'], stance: -0.5, rationale: 'r' };

describe('POST /api/lexicon/preview', () => {
  test('without the admin token it is refused before the body is read', async () => {
    const res = await post({ corpus: 'seeds', lexicon: withVariant('islamic-state', NEW) }, {});
    expect(res.status).toBe(401);
  });

  test.each<[string, unknown, number, string]>([
    ['an unknown corpus', { corpus: 'nope', lexicon: '{}' }, 404, 'There is no corpus "nope".'],
    [
      'no lexicon text',
      { corpus: 'seeds', lexicon: 5 },
      400,
      'Send the lexicon as JSON text of at most 1 MB in "lexicon".',
    ],
  ])('%s is refused', async (_case, body, status, error) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBe(error);
  });

  test('an invalid lexicon gets the path of the field to fix', async () => {
    const res = await post({ corpus: 'seeds', lexicon: withVariant('islamic-state', { ...NEW, stance: 3 }) });
    expect(res.status).toBe(400);
    // islamic-state is the first group and has five variants, so the new one is the sixth.
    expect(await res.json()).toMatchObject({ valid: false, path: 'groups[0].variants[5].stance' });
  });

  test('the same lexicon changes nothing', async () => {
    const res = await post({ corpus: 'seeds', lexicon: JSON.stringify(lexicon()) });
    expect(await res.json()).toMatchObject({ valid: true, corpus: 'seeds', articles: 5, total: 0, rows: [] });
  });

  test('a new variant shows its mentions and articles per outlet', async () => {
    const res = await post({ corpus: 'seeds', lexicon: withVariant('islamic-state', NEW) });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const rows = (body.rows as { variant: string | null; outlet: string; after: object; sentence: string }[]).filter(
      (r) => r.variant === 'places',
    );
    // Read in corpus/seeds/articles: News24 names Dabiq three times in one article; lidtime.com says "Turkish
    // separatists" once; no other article has either word.
    expect(rows.map((r) => [r.outlet, r.after])).toEqual([
      ['', { mentions: 4, articles: 2 }],
      ['news24', { mentions: 3, articles: 1 }],
      ['lidtime', { mentions: 1, articles: 1 }],
    ]);
    expect(rows[1].sentence).toBe('new variant "places" (Islamic State): +3 mentions in 1 article of News24');
    const group = (
      body.rows as {
        variant: string | null;
        outlet: string;
        before: { mentions: number };
        after: { mentions: number };
      }[]
    ).find((r) => r.variant === null && r.outlet === '')!;
    expect(group.after.mentions - group.before.mentions).toBe(4);
  }, 30_000);
});
