/**
 * Axis and layout arithmetic of the dashboard's own SVG charts (dot-and-interval and diverging bars): round
 * symmetric ticks with 0 labelled, a shared scale that one huge bar cannot flatten, and a row layout that keeps
 * the plot wide on a phone.
 */

const NICE = [1, 2, 2.5, 5, 10];

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) throw new Error(`niceStep: ${raw} is not a positive finite number`);
  const p = 10 ** Math.floor(Math.log10(raw));
  // A tiny tolerance so 2.0000000001 (float noise) still rounds to 2.
  return p * NICE.find((n) => n * p >= raw * (1 - 1e-9))!;
}

/**
 * Symmetric round ticks around 0 covering ±maxAbs, 0 always among them: of the round steps giving 2 to 4 ticks a
 * side, the one whose last tick overshoots maxAbs least (the coarser on a tie).
 */
export function symmetricTicks(maxAbs: number): number[] {
  const m = Math.max(maxAbs, 1e-9);
  let best = { step: 0, reach: Infinity, k: 0 };
  for (let step = niceStep(m / 4); step <= niceStep(m / 2); step = niceStep(step * 1.000001)) {
    const k = Math.max(2, Math.ceil(m / step - 1e-9));
    if (k <= 4 && k * step <= best.reach) best = { step, reach: k * step, k };
  }
  const out: number[] = [];
  for (let i = -best.k; i <= best.k; i++) out.push(Number((i * best.step).toPrecision(12)) || 0);
  return out;
}

/** A tick's text: integers without decimals, others with the fewest decimals that show the step. */
export function tickLabel(v: number, step: number): string {
  const decimals = Number.isInteger(step) ? 0 : Math.min(4, Math.max(1, -Math.floor(Math.log10(step % 1 || step))));
  const s = v.toFixed(Number.isInteger(v) ? 0 : decimals);
  return v < 0 ? `−${s.slice(1)}` : s;
}

/** A symmetric axis shared by charts side by side, and whether some values lie beyond it (drawn clipped). */
export interface SharedAxis {
  /** The axis runs from -max to +max. */
  max: number;
  ticks: number[];
  /** True when at least one value is beyond ±max and is drawn to the edge with its value printed. */
  clipped: boolean;
}

/**
 * A symmetric axis for signed values drawn on one scale (e.g. z-scores of every panel of a comparison): wide enough
 * for every value, at least ±floor; but when the largest |value| is more than twice the next largest, the axis
 * stops at the next largest so one huge bar does not flatten the rest, and that bar is drawn clipped.
 */
export function sharedAxis(values: readonly number[], floor = 3): SharedAxis {
  const abs = values
    .map(Math.abs)
    .filter(Number.isFinite)
    .sort((a, b) => b - a);
  const top = abs[0] ?? 0;
  const next = abs[1] ?? 0;
  const reach = top > 2 * Math.max(next, floor) ? Math.max(next, floor) : Math.max(top, floor);
  const ticks = symmetricTicks(reach);
  const max = ticks[ticks.length - 1];
  return { max, ticks, clipped: top > max };
}

/** Where a row's label, plot and value go at a given chart width. */
export interface RowLayout {
  /** Labels sit above their bars (narrow screens) instead of left of them. */
  stacked: boolean;
  labelWidth: number;
  plotLeft: number;
  plotWidth: number;
  rowHeight: number;
}

const CHAR = 6.6;

/**
 * The row layout at `width` px for labels up to `labelChars` characters: beside the plot when that leaves the plot at
 * least 60% of the width, otherwise above it so the plot keeps the full width.
 */
export function rowLayout(width: number, labelChars: number): RowLayout {
  const labelWidth = Math.ceil(12 + CHAR * labelChars);
  const right = 16;
  if (width - labelWidth - right >= 0.6 * width)
    return { stacked: false, labelWidth, plotLeft: labelWidth, plotWidth: width - labelWidth - right, rowHeight: 32 };
  return { stacked: true, labelWidth: width - 8, plotLeft: 8, plotWidth: width - 8 - right, rowHeight: 48 };
}

/** A linear map from [-max, max] to [left, left + width]. */
export function linearX(max: number, left: number, width: number): (v: number) => number {
  return (v) => left + ((Math.max(-max, Math.min(max, v)) + max) / (2 * max)) * width;
}
