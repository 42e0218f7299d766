import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseLexicon } from '../lexicon/parse';
import { lexiconPreviewOf } from './dataset';

type Raw = { groups: { id: string; variants: object[] }[] };

test('on FA-KES, adding "Takfiri" to armed groups previews the counts a reader finds in the text', async () => {
  const raw = JSON.parse(readFileSync(path.join(process.cwd(), 'corpus', 'lexicon.json'), 'utf8')) as Raw;
  raw.groups
    .find((g) => g.id === 'armed-groups')!
    .variants.push({ id: 'takfiri', label: 'Takfiri', patterns: ['Takfiri', 'Takfiris'], stance: -1, rationale: 'r' });
  const preview = await lexiconPreviewOf('fa-kes', parseLexicon(raw, 'lexicon.json'));
  const rows = preview.rows.filter((r) => r.variant === 'takfiri').map((r) => [r.outletName, r.after]);
  // Checked with `grep -oiwE 'takfiris?'` over the article bodies (below each file's header): Al-Alam 45 in 22
  // articles, SANA 6 in 5, Al-Manar 42 in 21, of which 2 (manar-129c7733fb75) are said of state forces and set aside
  // by the armed-groups rule, leaving 40; 45 + 40 + 6 = 91 counted.
  expect(rows).toEqual([
    ['All outlets', { mentions: 91, articles: 48 }],
    ['Al-Alam', { mentions: 45, articles: 22 }],
    ['Al-Manar', { mentions: 40, articles: 21 }],
    ['SANA', { mentions: 6, articles: 5 }],
  ]);
  // Nothing else changes: the group gains exactly the new variant's mentions, in articles it already counted.
  const group = preview.rows.find((r) => r.variant === null && r.outlet === '')!;
  expect(group.after.mentions - group.before.mentions).toBe(91);
  expect(group.after.articles).toBe(group.before.articles);
  expect(preview.total).toBe(8);
}, 60_000);
