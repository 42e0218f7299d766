import type { Segment } from '../types';
import { CAPTION_RULE, CUT_RULES, DROP_RULES } from './rules';

/** A raw line that cleaning removed, and the rule that removed it. */
export interface Removed {
  line: number;
  text: string;
  rule: string;
}

/** The article found in a captured page: title, tagged segments, and the audit trail of what was removed. */
export interface CleanedPage {
  title: string;
  segments: Segment[];
  removed: Removed[];
}

const TERMINAL = /[.!?"”’')\]:]$/;

/** Normalises a raw line: no-break spaces become spaces, runs of spaces collapse, ends are trimmed. */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * Separates article text from page chrome, line by line: drop rules, cut rules (the rest of the page),
 * repeated lines (a caption shown twice), agency-credited captions; the first remaining line is the title,
 * and short unpunctuated lines left at the very end are related-story links.
 */
export function cleanPage(raw: string): CleanedPage {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const removed: Removed[] = [];
  const kept: { line: number; text: string; section: Segment['section'] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = normaliseLine(lines[i]);
    if (text === '') continue;
    const cut = CUT_RULES.find((r) => r.re.test(text));
    if (cut) {
      for (let j = i; j < lines.length; j++) {
        const rest = normaliseLine(lines[j]);
        if (rest !== '')
          removed.push({
            line: j + 1,
            text: rest,
            rule: [...DROP_RULES, ...CUT_RULES].find((r) => r.re.test(rest))?.rule ?? cut.rule,
          });
      }
      break;
    }
    const drop = DROP_RULES.find((r) => r.re.test(text));
    if (drop) {
      removed.push({ line: i + 1, text, rule: drop.rule });
      continue;
    }
    const previous = kept[kept.length - 1];
    if (previous && previous.text === text) {
      // Page layouts repeat a photo caption (image alt text, then the visible caption).
      if (previous.section !== 'title') previous.section = 'caption';
      removed.push({ line: i + 1, text, rule: 'repeated line' });
      continue;
    }
    const section = CAPTION_RULE.test(text) ? 'caption' : kept.some((k) => k.section === 'title') ? 'body' : 'title';
    kept.push({ line: i + 1, text, section });
  }
  while (kept.length > 1) {
    const last = kept[kept.length - 1];
    if (last.section !== 'body' || TERMINAL.test(last.text) || last.text.split(' ').length > 12) break;
    removed.push({ line: last.line, text: last.text, rule: 'related-story link' });
    kept.pop();
  }
  removed.sort((a, b) => a.line - b.line);
  const segments: Segment[] = [];
  for (const k of kept) {
    const last = segments[segments.length - 1];
    if (last && last.section === k.section && k.section !== 'title') last.text += `\n\n${k.text}`;
    else segments.push({ section: k.section, text: k.text });
  }
  return { title: kept.find((k) => k.section === 'title')?.text ?? '', segments, removed };
}
