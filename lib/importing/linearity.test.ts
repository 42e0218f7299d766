import { describe, expect, test } from 'vitest';
import { extractHtml } from './html';
import { growth, PATHOLOGICAL } from './linearity';
import { cleanImportedText } from './quirks';
import { readRecords } from './records';

// Time per call at 1x, 10x and 100x the size. The factors allowed (100x, 1,000x) leave room for a machine busy with other
// test files while a quadratic pass (100x, 10,000x at 100x the size) fails by an order of magnitude; no absolute time is asserted.
const names = new Set(['Assad', 'Syria']);
const passes: Record<string, (text: string) => void> = {
  'import cleaning': (text) => cleanImportedText(text, { title: 'Rebels attacked the town near Manbij', names }),
  'HTML extraction': (text) => {
    try {
      extractHtml(text, 'x.html');
    } catch {
      /* text with no paragraphs is rejected, which is fine here */
    }
  },
  'CSV and JSONL reading': (text) => {
    readRecords(`title,text\nT,"${text.replace(/"/g, '""')}"\n`, 'x.csv', 'csv', {});
    readRecords(`${JSON.stringify({ title: 'T', text })}\n`, 'x.jsonl', 'jsonl', {});
  },
};

describe.each(Object.entries(passes))('%s is linear in its input', (_pass, run) => {
  test.each(Object.entries(PATHOLOGICAL))(
    '%s',
    (_input, make) => {
      const g = growth(run, make, 2000);
      expect(g.r10, `10x input took ${g.r10.toFixed(1)}x as long`).toBeLessThan(100);
      expect(g.r100, `100x input took ${g.r100.toFixed(1)}x as long`).toBeLessThan(1000);
    },
    60_000,
  );
});
