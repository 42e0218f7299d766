// Rebuilds corpus/seeds/ from the captured pages in ../shared/seeds: copies each page to raw/ and
// writes the cleaned, section-tagged article. Run: npx tsx scripts/build-seed-corpus.ts [seed dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanPage } from '../lib/clean/page';
import { serializeArticleFile } from '../lib/corpus/articleFile';
import { writeAtomic } from '../lib/corpus/store';

const root = path.join(process.cwd(), 'corpus', 'seeds');
const from = process.argv[2] ?? path.join(process.cwd(), '..', 'shared', 'seeds');
const sources = JSON.parse(readFileSync(path.join(root, 'sources.json'), 'utf8')) as {
  raw: string;
  id: string;
  outlet: string;
  date: string;
  note: string;
  url?: string;
}[];
for (const s of sources) {
  const raw = readFileSync(path.join(from, s.raw), 'utf8');
  writeAtomic(path.join(root, 'raw', s.raw), raw);
  const page = cleanPage(raw);
  const article = {
    id: s.id,
    outlet: s.outlet,
    title: page.title,
    date: s.date,
    url: s.url ?? null,
    raw: `raw/${s.raw}`,
    note: s.note,
    segments: page.segments,
  };
  writeAtomic(path.join(root, 'articles', `${s.id}.txt`), serializeArticleFile(article));
  console.log(`${s.id}: kept ${page.segments.length} segments, removed ${page.removed.length} lines`);
  for (const r of page.removed) console.log(`  - line ${r.line} [${r.rule}] ${r.text.slice(0, 70)}`);
}
