import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { tableText } from './helpers';

test('a copied link opened in a new page shows identical chart data', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/compare?outlets=presstv,news24&voice=own');
  const card = page.getByTestId('chart-shares-armed-groups');
  await card.getByTestId('copy-link').click();
  await expect(card.getByRole('status')).toHaveText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const version = await page.getByTestId('corpus-version').textContent();
  expect(url).toContain(`v=${version}`);
  expect(url).toContain('#shares-armed-groups');
  const before = await tableText(page, 'shares-armed-groups');
  const other = await context.newPage();
  await other.goto(url);
  expect(await tableText(other, 'shares-armed-groups')).toEqual(before);
  await expect(other.getByTestId('version-banner')).toHaveCount(0);
});

test('a link to a version this server never kept is a 404 that says so plainly', async ({ page }) => {
  const res = await page.goto('/?v=0123456789ab');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('bad-url')).toContainText('is not a version of this corpus that this server has kept');
});

test('CSV export holds the numbers of the API, rounded, under comment lines naming corpus, version and URL', async ({
  page,
  request,
}) => {
  await page.goto('/?voice=own');
  const download = page.waitForEvent('download');
  await page.getByTestId('chart-shares-islamic-state').getByTestId('export-csv').click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  const version = await page.getByTestId('corpus-version').textContent();
  const comments = lines.filter((l) => l.startsWith('# '));
  expect(comments[1]).toMatch(new RegExp(`^# corpus: .* \\(seeds\\), version ${version}$`));
  expect(comments[2]).toBe("# filters: the outlet's own voice only (quotations excluded); title, captions and body");
  expect(comments[3]).toMatch(
    new RegExp(`^# url: http://127\\.0\\.0\\.1:\\d+/\\?.*v=${version}.*#shares-islamic-state$`),
  );
  const csv = lines.filter((l) => !l.startsWith('#'));
  const header = csv[0].split(',');
  expect(header).toEqual([
    'outlet',
    'group',
    'variant',
    'count',
    'articles',
    'groupTotal',
    'groupArticles',
    'tokens',
    'share',
    'shareLow',
    'shareHigh',
    'nEff',
    'per1k',
  ]);
  const api = await (await request.get('/api/analysis?voice=own')).json();
  const rows = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
  expect(rows).toHaveLength(7 * 5);
  for (const r of rows) {
    const c = api.counts.find(
      (x: Record<string, unknown>) => x.outlet === r.outlet && x.group === 'islamic-state' && x.variant === r.variant,
    );
    expect(Number(r.count)).toBe(c.count);
    expect(Number(r.groupTotal)).toBe(c.groupTotal);
    for (const k of ['share', 'shareLow', 'shareHigh'])
      if (c[k] === null) expect(r[k]).toBe('');
      else {
        // Four decimals at most, and within rounding of the API's number: no float noise like 5.55e-17.
        expect(r[k]).toMatch(/^-?\d+(\.\d{1,4})?$/);
        expect(Math.abs(Number(r[k]) - c[k])).toBeLessThanOrEqual(0.00005);
      }
  }
});

test('SVG and PNG exports are self-contained figures: title, legend, n, source line, light theme', async ({ page }) => {
  await page.goto('/compare?outlets=presstv,voa');
  const version = await page.getByTestId('corpus-version').textContent();
  const card = page.getByTestId('chart-shares-islamic-state');
  const svgDl = page.waitForEvent('download');
  await card.getByTestId('export-svg').click();
  const svg = readFileSync(await (await svgDl).path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200"/);
  expect(svg).toContain('>Press TV vs VOA: What does the outlet call the Islamic State?</text>');
  for (const v of ['Daesh', 'ISIL', 'ISIS', 'IS', 'Islamic State']) expect(svg).toContain(`>${v}</text>`);
  // n per bar: Press TV's 7 mentions in its 1 article, VOA's 5 in 1 (read in the seed texts). Labels may wrap
  // into several tspans, so the figure's text is read as a reader sees it.
  const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Press TV (7 mentions in 1 article)');
  expect(text).toContain('VOA (5 mentions in 1 article)');
  expect(svg).toContain(`version ${version}`);
  expect(svg).toMatch(/http:\/\/127\.0\.0\.1:\d+\/compare\?[^<]*v=/);
  expect(svg).toMatch(/exported \d{4}-\d{2}-\d{2}/);
  expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  expect(svg).not.toContain('var(--');
  const stance = page.getByTestId('chart-stance-islamic-state');
  const pngDl = page.waitForEvent('download');
  await stance.getByTestId('export-png2').click();
  const png = readFileSync(await (await pngDl).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // 2x: 2400 px wide (the width is bytes 16..19 of the IHDR chunk).
  expect(png.readUInt32BE(16)).toBe(2400);
});

test('dark mode still exports a light figure unless asked', async ({ browser }) => {
  const ctx = await browser.newContext({ colorScheme: 'dark', baseURL: test.info().project.use.baseURL });
  const page = await ctx.newPage();
  await page.goto('/');
  const card = page.getByTestId('chart-stance-islamic-state');
  let dl = page.waitForEvent('download');
  await card.getByTestId('export-svg').click();
  expect(readFileSync(await (await dl).path(), 'utf8')).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  await card.getByLabel('dark figure').check();
  dl = page.waitForEvent('download');
  await card.getByTestId('export-svg').click();
  expect(readFileSync(await (await dl).path(), 'utf8')).toContain('<rect width="100%" height="100%" fill="#1d2127"/>');
  await ctx.close();
});

test('the API and the Open Graph image answer', async ({ request }) => {
  const api = await request.get('/api/analysis');
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.outlets.map((o: { id: string }) => o.id)).toEqual([
    'presstv',
    'news24',
    'aggregator-a',
    'lidtime',
    'voa',
  ]);
  const og = await request.get('/api/og?group=armed-groups');
  expect(og.headers()['content-type']).toBe('image/png');
});

test.describe('bad URLs get a helpful page, never echoed raw', () => {
  const cases: [string, number, RegExp][] = [
    [
      '/outlet/nope',
      404,
      /outlet = nope is not an outlet or outlet group in this corpus\. Valid choices: presstv, news24/,
    ],
    ['/compare?outlets=presstv,bbc', 404, /outlets = bbc is not an outlet or outlet group/],
    [
      '/group/weather',
      404,
      /group = weather is not a term group.*Valid choices: islamic-state, armed-groups, operation, distancing/,
    ],
    [
      '/?corpus=elsewhere',
      404,
      /corpus = elsewhere is not a corpus\. Valid choices: broken, fa-kes, lexscratch, pgshared, scratch, seeds\./,
    ],
    ['/?metric=pie', 400, /metric = pie is not a metric\. Valid choices: share, count, per1k/],
    ['/?voice=%3Cscript%3Ealert(1)%3C/script%3E', 400, /voice = <script>alert\(1\)<\/script> is not a voice/],
    [`/?q=${'x'.repeat(2100)}`, 400, /longer than 2000 characters/],
    ['/embed/pie?group=islamic-state', 404, /embed = pie is not an embeddable chart/],
  ];
  for (const [url, status, message] of cases) {
    test(url.slice(0, 60), async ({ page }) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(status);
      await expect(page.getByTestId('bad-url')).toContainText(message);
      expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
    });
  }
  test('the API answers bad parameters with JSON', async ({ request }) => {
    const res = await request.get('/api/analysis?scope=everything');
    expect(res.status()).toBe(400);
    expect((await res.json()).problems[0]).toMatchObject({ param: 'scope', choices: ['all', 'body'] });
  });
});

test.describe('accessibility and small screens', () => {
  for (const url of [
    '/',
    '/compare?outlets=presstv,news24',
    '/outlet/voa',
    '/group/operation',
    '/article/presstv-2016-08-30-carter',
    '/?sel=m.presstv.islamic-state.daesh',
    '/manage',
    '/?corpus=fa-kes&lens=trt',
  ]) {
    test(`no serious or critical axe violations: ${url}`, async ({ page }) => {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        ),
      ).toEqual([]);
    });
  }
  test('readable at 375 px: nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const url of ['/', '/compare?outlets=presstv,news24', '/article/voa-2016-10-21-cooperation']) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
  });
  test('dark mode switches the palette', async ({ browser }) => {
    const ctx = await browser.newContext({ colorScheme: 'dark' });
    const page = await ctx.newPage();
    await page.goto(`${test.info().project.use.baseURL}/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 28)');
    await ctx.close();
  });
});
