/** Pathological inputs for the linear-time tests: each builds a text of about n characters. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'one long line of sentences': (n) =>
    'Kurdish fighters and Turkish-backed rebels clashed near Manbij, officials said. '.repeat(Math.ceil(n / 81)),
  'one sentence of labels, no punctuation': (n) =>
    'militants rebels fighters Daesh forces Syrian opposition '.repeat(Math.ceil(n / 57)),
  'a long run of spaces between two sentences': (n) =>
    `Rebels attacked the town. ${' '.repeat(n)} Forces responded. Read Also`,
  'a long run of newlines': (n) => `Rebels attacked the town.${'\n'.repeat(n)}Forces responded.`,
  'mixed whitespace with tabs and em spaces': (n) =>
    `Rebels attacked.${' \t\n\u2003'.repeat(Math.ceil(n / 4))}Our Standards: The Thomson`,
  'a run of one letter': (n) => 'a'.repeat(n),
  'a run of full stops': (n) => '.'.repeat(n),
  'a run of digits and spaces': (n) => '1 '.repeat(Math.ceil(n / 2)),
  'a run of capitalised hyphenated words': (n) => 'Turkish-'.repeat(Math.ceil(n / 8)),
  'deeply nested quotes': (n) =>
    `${'"He said \'they said “'.repeat(Math.ceil(n / 40))}rebels${'” end\' now"'.repeat(Math.ceil(n / 40))}`,
  'quote marks that never close': (n) => '"rebels '.repeat(Math.ceil(n / 8)),
  'apostrophes after labels': (n) => "rebels' ".repeat(Math.ceil(n / 8)),
  'replacement characters between spaces': (n) => ' \uFFFD'.repeat(Math.ceil(n / 2)),
  'unclosed HTML tags': (n) =>
    `<p>Kurdish fighters and Turkish-backed rebels clashed near the village.</p>${'<script><div<meta name<!--<h1>'.repeat(Math.ceil(n / 32))}`,
  'lines starting with a dateline word': (n) => `Published :${' '.repeat(n)}x`,
  'a long word before an @ with no domain': (n) => `Rebels wrote to ${'a'.repeat(n)}@ and left.`,
  'labels in a text with an underscore (the exact matcher)': (n) =>
    `snake_case ${'Islamic  State militants rebels '.repeat(Math.ceil(n / 32))}`,
};

/**
 * The fastest of `runs` timings of fn, in ms per call; each timing repeats fn until at least minMs have passed. The
 * fastest, not the median: other processes on a shared machine only ever add time, so the minimum is the steadiest.
 */
export function fastestMs(fn: () => void, runs = 5, minMs = 10): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    let reps = 0;
    const t = performance.now();
    let elapsed = 0;
    do {
      fn();
      reps++;
      elapsed = performance.now() - t;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / reps);
  }
  return best;
}

/**
 * How much longer one call takes at 10x and 100x the size of `base` characters (after a warm-up call at each size).
 * Linear code gives about 10 and 100, quadratic code about 100 and 10,000.
 */
export function growth(
  run: (text: string) => void,
  make: (n: number) => string,
  base: number,
): { r10: number; r100: number } {
  const [t1, t10, t100] = [1, 10, 100].map((k) => {
    const text = make(base * k);
    run(text);
    return fastestMs(() => run(text));
  });
  return { r10: t10 / t1, r100: t100 / t1 };
}
