import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

// Open Graph tags of several views: title says what is shown, the image URL is on the configured public origin
// (FRAMESCOPE_URL, set by scripts/e2e-server.sh to the test server) and names the chart the link shows.
const cases: [string, RegExp, string, Record<string, string>][] = [
  [
    '/compare?outlets=presstv,voa',
    /^Press TV vs VOA: What does the outlet call the Islamic State\? — Framescope$/,
    'shares',
    { outlets: 'presstv,voa', group: 'islamic-state' },
  ],
  [
    '/embed/stance?group=armed-groups',
    /: Stance index, armed groups — Framescope$/i,
    'stance',
    { group: 'armed-groups' },
  ],
  ['/embed/sentiment?outlets=presstv,news24', /^Press TV vs News24: Sentiment — Framescope$/, 'sentiment', {}],
  [
    '/embed/actor-tone?outlets=presstv',
    /^Press TV: Tone toward actors — Framescope$/,
    'actor-tone',
    { outlets: 'presstv' },
  ],
  [
    '/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah',
    /^Daily Sabah: naming of Islamic State over time — Framescope$/,
    'time',
    { outlets: 'dailysabah', group: 'islamic-state' },
  ],
  [
    '/outlet/voa',
    /^VOA against the rest: distinctive terms for Islamic State — Framescope$/,
    'distinctive',
    { outlets: 'voa' },
  ],
];

for (const [url, title, chart, params] of cases) {
  test(`Open Graph tags of ${url}`, async ({ request, baseURL }) => {
    const html = await (await request.get(url)).text();
    const meta = (p: string) =>
      new RegExp(`<meta property="${p}" content="([^"]*)"`).exec(html)?.[1].replace(/&amp;/g, '&') ?? '';
    expect(meta('og:title')).toMatch(title);
    const image = new URL(meta('og:image'));
    expect(image.host).toBe(new URL(baseURL!).host);
    expect(image.pathname).toBe('/api/og');
    expect(image.searchParams.get('chart')).toBe(chart);
    for (const [k, v] of Object.entries(params)) expect(image.searchParams.get(k)).toBe(v);
    const png = await request.get(image.pathname + image.search);
    expect(png.headers()['content-type']).toBe('image/png');
  });
}

test('a forged Host or X-Forwarded-Host never reaches the page', async ({ request, baseURL }) => {
  const html = await (
    await request.get('/compare?outlets=presstv,news24', {
      headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' },
    })
  ).text();
  expect(html).not.toContain('evil.example');
  expect(html).toContain(`content="${baseURL}/api/og?`);
});

test('the methods page explains each statistic with the lexicon of the corpus', async ({ page }) => {
  await page.goto('/?corpus=fa-kes');
  await page.getByTestId('chart-stance-islamic-state').getByTestId('methods-link').click();
  await expect(page).toHaveURL(/\/methods\?corpus=fa-kes#stance$/);
  await expect(page.getByTestId('method-stance')).toContainText('Article-level 95% interval');
  await expect(page.getByTestId('methods-lexicon-islamic-state')).toContainText('Daesh');
});

test('cite this view gives APA and BibTeX with the pinned URL', async ({ page }) => {
  await page.goto('/compare?outlets=presstv,voa');
  const version = await page.getByTestId('corpus-version').textContent();
  const card = page.getByTestId('chart-shares-islamic-state');
  await card.getByTestId('cite-button').click();
  const [apa, bib] = await card
    .getByTestId('cite')
    .locator('textarea')
    .evaluateAll((t) => t.map((x) => (x as HTMLTextAreaElement).value));
  expect(apa).toMatch(
    new RegExp(`^Framescope\\. \\(\\d{4}\\)\\. Press TV vs VOA: .*version ${version}\\]\\..*Retrieved`),
  );
  expect(apa).toContain(`v=${version}`);
  expect(bib).toMatch(new RegExp(`^@misc\\{framescope-seeds-${version}-`));
});

test('an embed snippet loaded in a host page resizes its frame to the chart', async ({ page, baseURL }) => {
  await page.goto('/?corpus=fa-kes');
  const card = page.getByTestId('chart-shares-islamic-state');
  await card.getByTestId('embed-button').click();
  const snippet = await card.getByTestId('embed-snippet').locator('textarea').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/shares\?[^"]*v=/);
  expect(snippet).toContain('/embed.js" async></script>');
  // A host page on the same server (so the iframe and script load) holding only the snippet.
  await page.goto(`${baseURL}/embed.js`);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:375px">${snippet}</body></html>`);
  // The script tag inside setContent does not run by itself in every browser: load it as the host would.
  await page.addScriptTag({ url: `${baseURL}/embed.js` });
  const frame = page.locator('iframe[data-framescope]');
  const initial = Number(await frame.getAttribute('height'));
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 20_000 }).toBeGreaterThan(initial);
  const inner = page.frameLocator('iframe[data-framescope]');
  await expect(inner.getByTestId('embed')).toBeVisible();
  // The frame is as tall as its content: nothing cut off at the bottom (once the frame has followed the chart's last
  // growth: the first resize can come before the chart has drawn).
  await expect
    .poll(async () => inner.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight), { timeout: 20_000 })
    .toBeLessThanOrEqual(2);
});

test('an embed at 375 px is not wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const url of [
    '/embed/stance?group=islamic-state&corpus=fa-kes',
    '/embed/shares?group=armed-groups&corpus=fa-kes',
  ]) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
});

test('"Download all data" gives a ZIP of the view: its tables, README with filters and version, citation', async ({
  page,
}) => {
  await page.goto('/?corpus=fa-kes&from=2016-07-01&to=2016-07-31');
  const version = await page.getByTestId('corpus-version').textContent();
  const download = page.waitForEvent('download');
  await page.getByTestId('download-all').click();
  const file = await (await download).path();
  // Read back by an independent reader.
  expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
  for (const name of ['README.txt', 'CITATION.txt', 'METHODS.txt', 'counts.csv', 'mentions.csv', 'export.json'])
    expect(names).toContain(name);
  const readme = execFileSync('unzip', ['-p', file, 'README.txt'], { encoding: 'utf8' });
  expect(readme).toContain(`version ${version}`);
  expect(readme).toContain('articles dated 2016-07-01 to 2016-07-31');
  expect(readme).toContain('CC BY 4.0');
  const counts = execFileSync('unzip', ['-p', file, 'counts.csv'], { encoding: 'utf8' });
  expect(counts).toMatch(new RegExp(`^# counts: .*\n# corpus: .*\\(fa-kes\\), version ${version}\n`));
  const json = JSON.parse(
    execFileSync('unzip', ['-p', file, 'export.json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  );
  expect(json.dateRange).toMatchObject({ from: '2016-07-01', to: '2016-07-31' });
});

test('a wide heatmap keeps its column headers at the top and its row labels at the left while it scrolls', async ({
  page,
}) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 400 });
    await page.goto('/?corpus=fa-kes');
    const region = page.getByTestId('chart-actor-tone').locator('.table-scroll.sticky-head').first();
    await region.scrollIntoViewIfNeeded();
    const head = region.locator('.heatmap-head');
    const top = (await region.boundingBox())!.y;
    await region.evaluate((el) => el.scrollBy(0, 200));
    await expect.poll(async () => (await region.evaluate((el) => el.scrollTop)) > 0).toBe(true);
    expect(Math.abs((await head.boundingBox())!.y - top)).toBeLessThan(2);
    await region.evaluate((el) => el.scrollBy(300, 0));
    const labels = region.locator('.heatmap-labels');
    expect(Math.abs((await labels.boundingBox())!.x - (await region.boundingBox())!.x)).toBeLessThan(2);
  }
});
