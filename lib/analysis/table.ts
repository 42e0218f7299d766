import { filterCaption } from './filters';
import type { AnalysisExport } from './exportTypes';

/** Formats rows as a fixed-width text table with a header rule. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(0)}%`);
const num = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));

/** Renders the analysis as readable tables: shares per term group, stance, sentiment. */
export function renderReport(a: AnalysisExport): string {
  const names = new Map<string, string>([
    ...a.outlets.map((o) => [o.id, o.name] as const),
    ...a.outletGroups.map((g) => [g.id, `${g.label} (group)`] as const),
  ]);
  const entities = [...a.outlets.map((o) => o.id), ...a.outletGroups.map((g) => g.id)];
  const o = a.corpus.options;
  const out: string[] = [
    `${a.corpus.title} — corpus "${a.corpus.id}" version ${a.corpus.version}`,
    `Counting ${filterCaption(o)}.`,
    '',
  ];
  for (const g of a.groups) {
    out.push(
      `${g.label}`,
      "Cells: share of the outlet's mentions in this group (count); n = mentions in the group (articles they come from); stance interval: article-level 95%.",
    );
    const rows = entities.map((e) => {
      const cells = g.variants.map((v) => {
        const r = a.counts.find((c) => c.outlet === e && c.group === g.id && c.variant === v.id)!;
        return r.count === 0 ? '·' : `${pct(r.share)} (${r.count})`;
      });
      const s = a.stance.find((x) => x.outlet === e && x.group === g.id)!;
      const interval = s.low === null ? '' : ` [${num(s.low)}, ${num(s.high)}]`;
      return [
        names.get(e) ?? e,
        ...cells,
        `${s.n} (${s.articles})`,
        s.mean === null ? '—' : `${num(s.mean)}${interval}`,
      ];
    });
    out.push(textTable(['outlet', ...g.variants.map((v) => v.label), 'n (articles)', 'stance [95% CI]'], rows), '');
  }
  out.push('Sentiment (AFINN-165): score = sum over words; per word = score / words; per sentence = mean with 95% CI.');
  out.push(
    textTable(
      ['outlet', 'articles', 'sentences', 'words', 'score', 'per word', 'per sentence [95% CI]'],
      a.sentiment.map((s) => [
        names.get(s.outlet) ?? s.outlet,
        String(s.articles),
        String(s.sentences),
        String(s.words),
        String(s.score),
        num(s.comparative, 3),
        s.meanSentence === null
          ? '—'
          : `${num(s.meanSentence)}${s.meanLow === null ? '' : ` [${num(s.meanLow)}, ${num(s.meanHigh)}]`}`,
      ]),
    ),
  );
  out.push(...actorReport(a, entities, names));
  return out.join('\n');
}

/** Actor lens tables: who gets which label (one line per outlet and actor), then tone toward each actor. */
function actorReport(a: AnalysisExport, entities: string[], names: Map<string, string>): string[] {
  if (a.actorLabels.length === 0) return [];
  const actorName = new Map(a.actors.map((x) => [x.id, x.label]));
  const out: string[] = [''];
  for (const g of a.groups.filter((x) => a.actorLabels.some((r) => r.group === x.id))) {
    const variants = g.variants.filter((v) => a.actorLabels.some((r) => r.group === g.id && r.variant === v.id));
    out.push(`Actor lens: ${g.short}. Cells: labels the outlet attaches to the actor; n = the actor's total.`);
    const rows: string[][] = [];
    for (const e of entities) {
      for (const actor of a.actors) {
        const mine = a.actorLabels.filter((r) => r.outlet === e && r.actor === actor.id && r.group === g.id);
        if (mine.length === 0) continue;
        const cells = variants.map((v) => String(mine.find((r) => r.variant === v.id)?.count ?? '·'));
        rows.push([names.get(e) ?? e, actor.label, ...cells, String(mine.reduce((t, r) => t + r.count, 0))]);
      }
    }
    out.push(textTable(['outlet', 'actor', ...variants.map((v) => v.label), 'n'], rows), '');
  }
  out.push('Tone toward each actor: mean AFINN per sentence naming the actor [95% CI] (sentences).');
  const actors = a.actors.filter((x) => a.actorTone.some((r) => r.actor === x.id && r.sentences > 0));
  out.push(
    textTable(
      ['outlet', ...actors.map((x) => actorName.get(x.id) ?? x.id)],
      entities.map((e) => [
        names.get(e) ?? e,
        ...actors.map((x) => {
          const t = a.actorTone.find((r) => r.outlet === e && r.actor === x.id);
          if (!t || t.meanSentence === null) return '— (0)';
          return `${num(t.meanSentence)}${t.meanLow === null ? '' : ` [${num(t.meanLow)}, ${num(t.meanHigh)}]`} (${t.sentences})`;
        }),
      ]),
    ),
  );
  return out;
}
