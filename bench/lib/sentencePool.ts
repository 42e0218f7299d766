import { articleLayout } from '../../lib/corpus/layout';
import { loadCorpus } from '../../lib/corpus/load';
import { sentenceSpans } from '../../lib/text/sentences';

/** The body sentences (over 20 characters) of the bundled seeds and FA-KES, which generated articles resample. */
export function sentencePool(dirs: readonly string[] = ['corpus/seeds', 'corpus/fa-kes']): string[] {
  const pool: string[] = [];
  for (const dir of dirs)
    for (const a of loadCorpus(dir).articles) {
      const { text, segments } = articleLayout(a);
      for (const s of segments)
        if (s.section === 'body')
          for (const sp of sentenceSpans(text.slice(s.start, s.end), s.start)) pool.push(text.slice(sp.start, sp.end));
    }
  return pool.filter((s) => s.length > 20);
}
