/**
 * A per-outlet map made `copies` times larger: every outlet's value again (through `copy`) under `<outlet>~<i>` for
 * each copy. What the prepared-check measurement scales a real corpus's tallies with to the stored size of a larger
 * corpus's (a serialiser stores one object referenced twice once, so the bench copies each value).
 */
export function scaledOutlets<T>(
  byOutlet: ReadonlyMap<string, T>,
  copies: number,
  copy: (value: T) => T = (v) => v,
): Map<string, T> {
  if (!Number.isInteger(copies) || copies < 1)
    throw new Error(`copies must be a whole number of 1 or more, not ${copies}`);
  const out = new Map<string, T>();
  for (let i = 0; i < copies; i++)
    for (const [outlet, v] of byOutlet) out.set(i === 0 ? outlet : `${outlet}~${i}`, i === 0 ? v : copy(v));
  return out;
}
