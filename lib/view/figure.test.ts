import { describe, expect, test } from 'vitest';
import { escapeXml, figureSvg, resolveVars, wrapText } from './figure';

describe('wrapText', () => {
  test.each([
    ['a bb ccc', 4, ['a bb', 'ccc']],
    ['', 10, []],
    ['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
  ])('%j at %i', (s, n, lines) => expect(wrapText(s, n)).toEqual(lines));
});

describe('resolveVars', () => {
  test.each([
    ['light', '<text fill="var(--fg)"/>', '<text fill="#1b1f24"/>'],
    ['dark', '<text fill="var(--fg)"/>', '<text fill="#e6e8eb"/>'],
    ['light', '<rect fill="var(--unknown)"/>', '<rect fill="#1b1f24"/>'],
  ] as const)('%s: %s', (theme, svg, out) => expect(resolveVars(svg, theme)).toBe(out));
});

describe('figureSvg', () => {
  const f = figureSvg({
    title: 'Press TV vs VOA: what they call the Islamic State',
    takeaway: 'Most used: "Daesh".',
    legend: [
      { label: 'Daesh', color: '#332288' },
      { label: 'ISIS & co', color: '#88ccee' },
    ],
    chart: {
      svg: '<svg width="600" height="200"><text fill="var(--muted)">Press TV (7 mentions in 1 article)</text></svg>',
      width: 600,
      height: 200,
    },
    source: ['Framescope · Seed pages (seeds) version abc · all voices · https://x.org/?v=abc · 2024-05-01'],
    theme: 'light',
  });
  test.each([
    ['a title', /<text[^>]*font-weight="700"[^>]*>Press TV vs VOA: what they call the Islamic State<\/text>/],
    ['every legend entry, escaped', /ISIS &amp; co/],
    ['the source line', /version abc · all voices · https:\/\/x\.org\/\?v=abc · 2024-05-01/],
    ['a light background', /<rect width="100%" height="100%" fill="#ffffff"\/>/],
    ['no CSS variables left', /^(?!.*var\(--)/s],
    ['the chart scaled to the figure (1120 / 600)', /scale\(1\.8667\)/],
  ])('has %s', (_name, re) => expect(f.svg).toMatch(re));
  test.each([
    ['light', '#4f5661'],
    ['dark', '#a9b0ba'],
  ] as const)('a legend colour that is a theme variable takes the %s theme value', (theme, color) =>
    expect(
      figureSvg({
        title: 't',
        takeaway: '',
        legend: [{ label: 'neither', color: 'var(--muted)' }],
        chart: { svg: '<svg></svg>', width: 600, height: 200 },
        source: [],
        theme,
      }).svg,
    ).toContain(`rx="3" fill="${color}"`),
  );
  test('is 1200 px wide and taller than the chart', () => {
    expect(f.width).toBe(1200);
    expect(f.height).toBeGreaterThan(200 * 1.8667);
  });
});

describe('escapeXml', () => {
  test.each([
    ['<a & "b">', '&lt;a &amp; &quot;b&quot;&gt;'],
    ["it's", 'it&apos;s'],
  ])('%s', (s, e) => expect(escapeXml(s)).toBe(e));
});
