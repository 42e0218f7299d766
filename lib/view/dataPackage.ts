import type { AnalysisExport } from '../analysis/exportTypes';
import type { CsvRow } from './charts';
import { apaCitation, bibtexCitation } from './cite';
import { csvDocument, type CsvSource } from './csvExport';
import { LIMITS, statisticsSections } from './methods';
import type { ZipEntry } from './zip';

/** What a "Download all data" package says about where it comes from. */
export interface PackageSource {
  /** The view's filters in words (voice, scope, provenance, date range, same stories). */
  filters: string;
  /** The dashboard view the package was downloaded from, with the corpus version pinned. */
  viewUrl: string;
  /** This package's own URL (pinned), so it can be fetched again. */
  packageUrl: string;
  /** Export date, YYYY-MM-DD. */
  exported: string;
}

/** One table of the package: its file name, what a row is, and its columns with what each holds. */
export interface TableDoc {
  file: string;
  row: string;
  columns: [string, string][];
}

const join = (xs: readonly string[]) => xs.join(';');

type Ex = AnalysisExport & {
  provenance?: { article: string; start: number; end: number; kind: string; sourceArticle: string | null }[];
  reuse?: object[];
};

/**
 * Every table of the export as CSV rows (list-valued fields joined with ";", objects spread into columns), with the
 * README text describing each. Column names are the export's field names.
 */
export function packageTables(ex: Ex): { doc: TableDoc; rows: CsvRow[] }[] {
  const t = (file: string, row: string, columns: [string, string][], rows: CsvRow[]) => ({
    doc: { file, row, columns },
    rows,
  });
  const tables = [
    t(
      'counts.csv',
      'outlet or outlet group, term group and variant',
      [
        ['outlet, group, variant', 'who, which term group, which variant'],
        ['count', 'counted mentions of the variant (voice as filtered); own and quoted give both voices'],
        ['groupTotal, tokens, per1k', "the group's counted mentions, the tokens in scope, count per 1,000 tokens"],
        ['share, shareLow, shareHigh', 'count / groupTotal (0..1) with its article-level 95% interval'],
        [
          'articles, groupArticles, nEff',
          "articles holding the variant's and the group's mentions; the interval's effective n",
        ],
      ],
      ex.counts.map((r) => ({ ...r })),
    ),
    t(
      'stance.csv',
      'outlet or outlet group and term group',
      [['n, mean, low, high, articles', 'stance index of n mentions (−1..+1) with its article-level 95% interval']],
      ex.stance.map((r) => ({ ...r })),
    ),
    t(
      'distinctive.csv',
      'side (outlet or group) against the rest or another outlet, and variant',
      [
        ['outlet, vs', 'the two sides ("rest" = every other outlet)'],
        ['y, n, yOther, nOther', "the variant's and the group's counted mentions on each side"],
        [
          'alpha, alpha0, delta, variance, z',
          'log-odds with informative Dirichlet prior, its full variance and z-score',
        ],
        ['articles, articlesOther', "articles holding the variant's mentions on each side"],
        ['p, q', 'two-sided p; Benjamini–Hochberg q within the comparison (distinctive: q < 0.05)'],
      ],
      ex.distinctive.map((r) => ({ ...r })),
    ),
    t(
      'sentiment.csv',
      'outlet or outlet group',
      [
        ['articles, sentences, words, score, comparative', 'AFINN-165 sum over the words, and per word'],
        ['meanSentence, meanLow, meanHigh', 'mean sentence score with its 95% t interval'],
      ],
      ex.sentiment.map((r) => ({ ...r })),
    ),
    t(
      'mentions.csv',
      'mention the lexicon found (counted, or set aside with a reason)',
      [
        ['article, outlet, group, variant, text', 'where, which term, the matched text'],
        ['start, end, sentenceStart', 'character offsets into the cleaned article text (sentenceStart: of `sentence`)'],
        ['sentenceFrom, sentenceTo', "the whole sentence's offsets (beyond `sentence` when it was cut)"],
        ['section, voice', 'title, caption or body; own voice or quoted'],
        ['sentence', "the sentence's text; over 1,000 characters, the 300 either side of the term"],
        ['actors', 'attributed actor ids, ";"-separated (empty: unattributed)'],
        ['actorCueRule, actorCueText', 'the attribution rule and the words that decided it (empty: none)'],
        ['setAside', 'empty for a counted mention, else why it is counted in set-aside.csv instead'],
      ],
      ex.mentions.map(({ actors, actorCue, ...m }) => ({
        ...m,
        actors: join(actors),
        actorCueRule: actorCue?.rule ?? null,
        actorCueText: actorCue?.text ?? null,
      })),
    ),
    t(
      'set-aside.csv',
      'outlet, variant and reason a mention was not counted in its group',
      [['reason, count, own, quoted', 'state, generic, other-actor, no-actor or quoted-name; how many']],
      ex.setAside.map((r) => ({ ...r })),
    ),
    t(
      'actor-labels.csv',
      'outlet, actor and label (non-zero)',
      [['outlet, actor, group, variant, count', 'labels of an attributed term group given to the actor']],
      ex.actorLabels.map((r) => ({ ...r })),
    ),
    t(
      'actor-tone.csv',
      'outlet and actor',
      [['sentences, score, words, meanSentence, meanLow, meanHigh', 'AFINN-165 of the sentences naming the actor']],
      ex.actorTone.map((r) => ({ ...r })),
    ),
    t(
      'actors.csv',
      "actor of the lexicon, then 'unattributed'",
      [['id, label, aliases, backedBy, kind, note', 'aliases ";"-separated; kind state or non-state']],
      ex.actors.map((a) => ({ ...a, aliases: join(a.aliases) })),
    ),
    t(
      'articles.csv',
      'article counted by the view',
      [
        ['id, outlet, title, date', 'the article'],
        ['tokens, mentions, score, comparative', 'its tokens, counted mentions, AFINN-165 sum and per word'],
        ['story', 'its story id (same-event cluster; empty: none)'],
      ],
      ex.articles.map((a) => ({ ...a, story: a.story ?? null })),
    ),
    t(
      'stories.csv',
      'story with articles counted by the view',
      [['id, label, from, to, articles', 'its first and last date and its articles, ";"-separated']],
      (ex.stories ?? []).map((s) => ({ ...s, articles: join(s.articles) })),
    ),
    t(
      'outlets.csv',
      'outlet',
      [['id, name, kind, country, articles, tokens', 'articles and tokens counted by the view']],
      ex.outlets.map((o) => ({ ...o })),
    ),
    t(
      'outlet-groups.csv',
      'outlet group',
      [['id, label, members, articles, tokens', 'members ";"-separated']],
      ex.outletGroups.map((g) => ({ ...g, members: join(g.members) })),
    ),
    t(
      'variants.csv',
      "variant of the lexicon's term groups",
      [['group, groupLabel, variant, label, stance, rationale', 'the stance the lexicon gives it, and why']],
      ex.groups.flatMap((g) =>
        g.variants.map((v) => ({
          group: g.id,
          groupLabel: g.label,
          variant: v.id,
          label: v.label,
          stance: v.stance,
          rationale: v.rationale,
        })),
      ),
    ),
  ];
  if (ex.provenance)
    tables.push(
      t(
        'provenance.csv',
        'sentence of an article',
        [
          ['article, start, end', 'the sentence, as offsets into the cleaned text'],
          ['kind, sourceArticle, similarity', 'original, shared or credited; the earliest holder; how alike (0..1)'],
          ['credited', 'sources credited, ";"-separated'],
        ],
        ex.provenance.map((r) => {
          const { credited, ...rest } = r as typeof r & { credited: string[] };
          return { ...rest, credited: join(credited) } as CsvRow;
        }),
      ),
    );
  if (ex.reuse)
    tables.push(
      t(
        'reuse.csv',
        'pair of articles sharing passages',
        [['article, otherArticle, outlet, otherOutlet, chars, similarity', 'characters shared and how alike']],
        ex.reuse.map((r) => ({ ...(r as CsvRow) })),
      ),
    );
  return tables;
}

const wrap = (s: string, width = 100): string[] => {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
};

/** The README.txt of a package: what, from where, under which filters and licence, each file's columns, citation. */
export function packageReadme(ex: AnalysisExport, s: PackageSource, docs: TableDoc[]): string {
  const cite = citeInput(ex, s);
  const lines = [
    `Framescope data: ${ex.corpus.title}`,
    '',
    `Corpus: ${ex.corpus.title} (id ${ex.corpus.id}), version ${ex.corpus.version}`,
    `Filters: ${s.filters}`,
    ...(ex.dateRange
      ? [
          `Articles: ${ex.dateRange.articles} counted; ${ex.dateRange.outside} dated outside the range; ${ex.dateRange.undated} undated${ex.dateRange.from || ex.dateRange.to ? ' (left out)' : ' (counted)'}`,
        ]
      : []),
    `View: ${s.viewUrl}`,
    `This package: ${s.packageUrl}`,
    `Exported: ${s.exported}`,
    '',
    'Licence and attribution',
    ...wrap(
      ex.corpus.attribution
        ? `The corpus texts are by their outlets; the corpus is used under its own terms: ${ex.corpus.attribution} Reusing these tables means attributing the corpus as it asks (for CC BY: name the authors and the licence, link it, and say what was changed).`
        : 'This corpus names no attribution; ask its owner before republishing the sentences in mentions.csv.',
    ),
    '',
    'How to cite (also in CITATION.txt)',
    ...wrap(apaCitation(cite)),
    '',
    'Files',
    'Every CSV starts with "# " comment lines naming the table, corpus, version, filters and URL: read them with',
    'pandas read_csv(f, comment="#") or R read.csv(f, comment.char = "#"). Numbers are rounded: counts as they are,',
    'p and q to 3 significant figures, everything else to 4 decimals. export.json holds the same tables in full',
    'precision, in the export format of the README ("Export format"). Lists inside a cell are ";"-separated.',
    '',
    ...docs.flatMap((d) => [
      `${d.file}: one row per ${d.row}.`,
      ...d.columns.map(([cols, what]) => `  ${cols}: ${what}`),
      '',
    ]),
    'export.json: the whole export (the tables above, corpus options, date range), as /api/analysis answers it.',
    'METHODS.txt: how every number is computed, and known limits.',
  ];
  return `${lines.join('\n')}\n`;
}

/** The METHODS.txt of a package: each statistic's formula and assumptions, then the known limits. */
export function packageMethods(ex: AnalysisExport): string {
  const lines = [`Methods (the same text as the dashboard's /methods page for ${ex.corpus.id})`, ''];
  for (const m of statisticsSections(ex.corpus.options.alpha0)) {
    lines.push(m.name, ...m.formula.flatMap((f) => wrap(`- ${f}`)), ...wrap(`Assumptions: ${m.assumptions}`), '');
  }
  lines.push('Known limits', ...LIMITS.flatMap((l) => wrap(`- ${l}`)), '');
  lines.push('The lexicon (variants, stances and rationales) is in variants.csv.');
  return `${lines.join('\n')}\n`;
}

function citeInput(ex: AnalysisExport, s: PackageSource) {
  return {
    title: `Data of ${ex.corpus.title} (${s.filters})`,
    url: s.viewUrl,
    corpusTitle: ex.corpus.title,
    corpusId: ex.corpus.id,
    version: ex.corpus.version,
    attribution: ex.corpus.attribution,
    accessed: s.exported,
  };
}

/**
 * The files of a "Download all data" package for one view: README.txt, CITATION.txt, METHODS.txt, every table as a
 * CSV under the same comment lines and rounding as the per-chart CSVs, and the JSON export.
 */
export function dataPackage(ex: Ex, json: string, s: PackageSource): ZipEntry[] {
  const tables = packageTables(ex);
  const base: Omit<CsvSource, 'title'> = {
    corpus: ex.corpus.id,
    corpusTitle: ex.corpus.title,
    version: ex.corpus.version,
    filters: s.filters,
    url: s.viewUrl,
    exported: s.exported,
    attribution: ex.corpus.attribution ?? undefined,
  };
  const cite = citeInput(ex, s);
  return [
    {
      name: 'README.txt',
      data: packageReadme(
        ex,
        s,
        tables.map((t) => t.doc),
      ),
    },
    { name: 'CITATION.txt', data: `APA\n${apaCitation(cite)}\n\nBibTeX\n${bibtexCitation(cite)}\n` },
    { name: 'METHODS.txt', data: packageMethods(ex) },
    ...tables.map((t) => ({
      name: t.doc.file,
      data: csvDocument(t.rows, { ...base, title: `${t.doc.file.replace(/\.csv$/, '')}: one row per ${t.doc.row}` }),
    })),
    { name: 'export.json', data: json },
  ];
}
