/** "1 article", "2 articles", "1,024 sentences": a count with its noun, singular only for exactly one. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  if (!Number.isFinite(n)) throw new Error(`countOf: ${n} ${pluralForm} is not a finite count`);
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : pluralForm}`;
}
