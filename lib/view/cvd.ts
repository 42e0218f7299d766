import { hexToRgb } from './palette';

/** Kinds of colour-vision deficiency simulated (dichromacy, full severity), plus normal vision. */
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const MATRICES: Record<Vision, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** Linear RGB of a #rrggbb colour as seen with the given vision (Machado et al. 2009), clamped to [0, 1]. */
export function simulate(hex: string, vision: Vision): [number, number, number] {
  const lin = hexToRgb(hex).map(toLinear);
  return MATRICES[vision].map((row) =>
    Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])),
  ) as [number, number, number];
}

/** CIELAB (D65) of a linear RGB colour. */
export function linearToLab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference of two #rrggbb colours as seen with the given vision. */
export function deltaE(a: string, b: string, vision: Vision): number {
  const [l1, a1, b1] = linearToLab(simulate(a, vision));
  const [l2, a2, b2] = linearToLab(simulate(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** The smallest pairwise difference in a list of colours under the given vision, with the pair. */
export function closestPair(colors: readonly string[], vision: Vision): { distance: number; pair: [string, string] } {
  let best = { distance: Infinity, pair: ['', ''] as [string, string] };
  for (let i = 0; i < colors.length; i++)
    for (let j = i + 1; j < colors.length; j++) {
      const d = deltaE(colors[i], colors[j], vision);
      if (d < best.distance) best = { distance: d, pair: [colors[i], colors[j]] };
    }
  return best;
}
