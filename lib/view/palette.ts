/**
 * The one palette. Colour means one thing per kind of chart: a categorical colour names a variant (stable per variant
 * across every chart and legend, by its place in the lexicon), and a diverging pair marks the sign of a signed
 * quantity (stance, sentiment, z-scores, tone). Both are chosen to stay apart under colour-vision deficiency
 * (checked in palette.test.ts with simulated protanopia, deuteranopia and tritanopia).
 */

/** Categorical colours for variants: Paul Tol's "muted" scheme, designed to be told apart with CVD. */
export const CATEGORICAL: readonly string[] = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
];

/** Diverging colours for signed values: strong ends for marked values, pale ends for unmarked ones. */
export const DIVERGING = {
  negative: '#b2182b',
  positive: '#2166ac',
  paleNegative: '#f4a582',
  palePositive: '#92c5de',
} as const;

/** The colour of the variant at `index` in its group's lexicon order (the same in every chart and legend). */
export function variantColor(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`variantColor: index ${index} is not a variant position`);
  return CATEGORICAL[index % CATEGORICAL.length];
}

/** The fill of a signed value: negative or positive end, pale when the value is not marked (e.g. not distinctive). */
export function signedColor(value: number, marked = true): string {
  if (value < 0) return marked ? DIVERGING.negative : DIVERGING.paleNegative;
  return marked ? DIVERGING.positive : DIVERGING.palePositive;
}

/** sRGB channels in [0, 1] of a #rrggbb colour. */
export function hexToRgb(hex: string): [number, number, number] {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`"${hex}" is not a #rrggbb colour`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour for a label drawn on a fill: white or near-black, whichever contrasts more. */
export function textOn(fill: string): string {
  return contrast(fill, '#ffffff') >= contrast(fill, '#1b1f24') ? '#ffffff' : '#1b1f24';
}

/**
 * How much a cell's colour may say given its evidence: n / (n + 4), so one observation gets a fifth of the full
 * saturation and 36 get nine tenths. Cells with n = 1 must not look as certain as cells with n = 100.
 */
export function evidenceWeight(n: number): number {
  if (!(n >= 0)) throw new Error(`evidenceWeight: n = ${n} is not a count`);
  return n / (n + 4);
}

/** The CSS custom properties of the light and dark themes, for exported figures (which carry no stylesheet). */
export const THEMES = {
  light: { bg: '#ffffff', fg: '#1b1f24', muted: '#4f5661', card: '#ffffff', grid: '#d9dde3', hover: 'transparent' },
  dark: { bg: '#1d2127', fg: '#e6e8eb', muted: '#a9b0ba', card: '#1d2127', grid: '#39404a', hover: 'transparent' },
} as const;

/** Theme names. */
export type ThemeName = keyof typeof THEMES;
