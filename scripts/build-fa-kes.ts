// Builds corpus/fa-kes from ../shared/datasets/fa-kes/FA-KES-Dataset.csv: corpus.json with outlet metadata, then the
// regular import (same code as `npm run import`), and IMPORT.md with the import summary (fixes, duplicates,
// rejections).
// Usage: npx tsx scripts/build-fa-kes.ts [path/to/FA-KES-Dataset.csv]
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_ROOT } from '../lib/corpus/load';
import { writeAtomic } from '../lib/corpus/store';
import { runImport, summary } from './importer';

const csv = path.resolve(process.argv[2] ?? '../shared/datasets/fa-kes/FA-KES-Dataset.csv');
const dir = path.join(CORPUS_ROOT, 'fa-kes');
const ATTRIBUTION =
  'FA-KES: Abu Salem, Al Feel, Elbassuoni, Jaber, Farah, "FA-KES: A Fake News Dataset around the Syrian War", ICWSM 2019; Zenodo record 2607278, licence CC BY 4.0. Text cleaned on import (see corpus/fa-kes/IMPORT.md); each article\'s note keeps its unit_id, location and credibility label (1 = credible, 0 = fake).';
const o = (id: string, name: string, kind: string, country: string, site: string) => ({
  id,
  name,
  kind,
  country,
  site,
});
const manifest = {
  id: 'fa-kes',
  title: 'FA-KES: the Syrian war in 15 outlets, 2011-2018',
  description:
    '804 articles on the Syrian war (395 from 2016) from state media, partisan and private outlets of eight countries, with credibility labels.',
  attribution: ATTRIBUTION,
  outlets: [
    o('ahram', 'Ahram Online', 'state media', 'Egypt', 'english.ahram.org.eg'),
    o('manar', 'Al-Manar', 'partisan', 'Lebanon', 'english.almanar.com.lb'),
    o('alalam', 'Al-Alam', 'state media', 'Iran', 'en.alalamtv.net'),
    o('alaraby', 'The New Arab', 'private', 'Qatar', 'alaraby.co.uk'),
    o('dailysabah', 'Daily Sabah', 'private', 'Turkey', 'dailysabah.com'),
    o('sana', 'SANA', 'state media', 'Syria', 'sana.sy'),
    o('sputnik', 'Sputnik', 'state media', 'Russia', 'sputniknews.com'),
    o('etilaf', 'Syrian National Coalition', 'partisan', 'Syria (opposition)', 'en.etilaf.org'),
    o('trt', 'TRT World', 'state media', 'Turkey', 'trtworld.com'),
    o('jordantimes', 'The Jordan Times', 'private', 'Jordan', 'jordantimes.com'),
    o('reuters', 'Reuters', 'news agency', 'United Kingdom', 'reuters.com'),
    o('arabiya', 'Al Arabiya', 'private', 'Saudi Arabia', 'english.alarabiya.net'),
    o('nna', 'National News Agency', 'state media', 'Lebanon', 'nna-leb.gov.lb'),
    o('asharqalawsat', 'Asharq Al-Awsat', 'private', 'Saudi Arabia', 'aawsat.com'),
    o('tass', 'TASS', 'state media', 'Russia', 'tass.com'),
  ],
  outletGroups: [
    { id: 'state-media', label: 'State media', kind: 'state media' },
    { id: 'russian-media', label: 'Russian state media', members: ['sputnik', 'tass'] },
    { id: 'turkish-media', label: 'Turkish media', members: ['trt', 'dailysabah'] },
  ],
};

if (!existsSync(csv)) {
  console.error(`error: ${csv} does not exist. Fix: pass the path of FA-KES-Dataset.csv.`);
  process.exit(2);
}
rmSync(path.join(dir, 'articles'), { recursive: true, force: true });
writeAtomic(path.join(dir, 'corpus.json'), `${JSON.stringify(manifest, null, 2)}\n`);
void runImport({
  inputs: [csv],
  corpus: 'fa-kes',
  title: null,
  attribution: null,
  outlet: null,
  createOutlets: false,
  mapping: { title: 'article_title', text: 'article_content', outlet: 'source', date: 'date' },
  format: 'csv',
  dateOrder: 'mdy',
  source: 'FA-KES',
  dryRun: false,
  progress: false,
}).then((result) => {
  const text = summary(result, 'fa-kes', false)
    .split(`${path.relative(process.cwd(), path.dirname(csv))}${path.sep}`)
    .join('');
  writeAtomic(
    path.join(dir, 'IMPORT.md'),
    `# FA-KES import\n\nBuilt by \`npx tsx scripts/build-fa-kes.ts\` from FA-KES-Dataset.csv. ${ATTRIBUTION}\n\n\`\`\`\n${text}\n\`\`\`\n`,
  );
  console.log(text);
});
