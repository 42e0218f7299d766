import { expect, test } from '@playwright/test';
import { documentCounter, downloaded, mark, marker, parseChartCsv } from './helpers';

test("the explorer: an outlet's terms, a click opens the sentences client-side", async ({ page }) => {
  await page.goto('/vocabulary?corpus=fa-kes&outlets=dailysabah', { waitUntil: 'networkidle' });
  await expect(page.getByTestId('chart-vocabulary-scatter').getByTestId('takeaway')).toContainText('n-grams scored');
  const docs = documentCounter(page);
  await mark(page);
  const table = page.getByTestId('terms-a');
  // The filter box narrows the table as one types, in the page.
  await table.getByRole('searchbox').fill('Daish');
  const row = table.getByTestId('term-row').filter({ hasText: 'Daish' }).first();
  await expect(row).toContainText('add to lexicon');
  await expect(row.getByRole('link', { name: /add to lexicon/ })).toHaveAttribute(
    'href',
    '/manage?corpus=fa-kes&add=Daish#lexicon-editor',
  );
  await row.getByRole('link', { name: /^Daish/ }).click();
  await expect(page).toHaveURL(/term=Daish/);
  const drill = page.getByTestId('drilldown');
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('kwic-row')).toHaveCount(9);
  await expect(drill.getByTestId('kwic-row').first().locator('mark')).toHaveText('Daish');
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('search a term from the header box and open its sentences', async ({ page }) => {
  await page.goto('/?corpus=fa-kes', { waitUntil: 'networkidle' });
  const docs = documentCounter(page);
  await mark(page);
  const box = page.getByTestId('header-search');
  await box.getByRole('searchbox').fill('Takfiri');
  await box.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?corpus=fa-kes&term=Takfiri/);
  await expect(page.getByTestId('search-outlets')).toContainText('Al-Manar');
  const drill = page.getByTestId('drilldown');
  await expect(drill).toBeVisible();
  await expect(drill.getByTestId('kwic-row').first().locator('mark')).toHaveText(/takfiri/i);
  // One outlet's sentences, then an article, all without reloading.
  await page.getByTestId('search-outlets').getByRole('link', { name: 'Al-Manar' }).click();
  await expect(page).toHaveURL(/outlets=manar/);
  await drill.getByTestId('kwic-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/article\/manar-/);
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('bad vocabulary parameters are a 400 naming the parameter', async ({ request }) => {
  const r = await request.get('/api/vocabulary?corpus=fa-kes&outlets=manar,sana,trt');
  expect(r.status()).toBe(400);
  expect((await r.json()).problems[0].param).toBe('outlets');
  const ok = await request.get('/api/vocabulary?corpus=fa-kes&outlets=manar,reuters');
  const rows = (await ok.json()) as { term: string; y: number; yOther: number; q: number }[];
  expect(rows.find((x) => x.term === 'Takfiri')).toMatchObject({ y: 32, yOther: 0 });
});

test('the new views fit 375 px and load without failed requests', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  for (const url of [
    '/vocabulary?corpus=seeds',
    '/vocabulary?corpus=seeds&outlets=presstv',
    '/vocabulary?corpus=fa-kes&outlets=manar,alalam&term=Takfiri',
    '/search?corpus=seeds&term=Daesh',
    '/search?corpus=fa-kes&term=terror*&voice=own',
  ]) {
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
  expect(failed).toEqual([]);
});

test('the scatter has the chart actions: its CSV downloads and parses, with the points it draws', async ({ page }) => {
  await page.goto('/vocabulary?corpus=fa-kes&outlets=dailysabah,trt', { waitUntil: 'networkidle' });
  const card = page.getByTestId('chart-vocabulary-scatter');
  await expect(card.getByTestId('copy-link')).toBeVisible();
  await expect(card.getByTestId('export-png')).toBeVisible();
  const drawn = /The ([\d,]+) most used of ([\d,]+) scored phrases are drawn/.exec((await card.textContent()) ?? '')!;
  const { comments, header, rows } = parseChartCsv(
    await downloaded(page, () => card.getByTestId('export-csv').click()),
  );
  expect(comments[0]).toBe('# Frequency and distinctiveness: Daily Sabah against TRT World');
  expect(comments[1]).toMatch(/^# corpus: .* \(fa-kes\), version [0-9a-f]+$/);
  expect(header).toEqual([
    'term',
    'uses',
    'y',
    'n',
    'yOther',
    'nOther',
    'articles',
    'articlesTotal',
    'articlesOther',
    'articlesOtherTotal',
    'z',
    'q',
    'distinctive',
    'lexicon',
  ]);
  expect(rows).toHaveLength(Number(drawn[1].replace(/,/g, '')));
  const daish = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'Daish')![i]]));
  // Read in the article files: "Daish" 8 times in dailysabah-7eccf9beed80 and once in dailysabah-c7a5c8fd72f5 (its
  // third use, "Daish said" opening a sentence in dailysabah-4a6ef4d69784, the article's only one, is counted
  // lowercased); 72 Daily Sabah articles, 41 TRT World articles, none of which writes "Daish".
  expect(daish).toMatchObject({ y: '9', yOther: '0', articles: '2', articlesTotal: '72', articlesOther: '0' });
  expect(daish.articlesOtherTotal).toBe('41');
  // z to 4 decimals and q to 3 significant figures, as every chart CSV.
  expect(daish.z).toMatch(/^-?\d+(\.\d{1,4})?$/);
  expect(Number(Number(daish.q).toPrecision(3))).toBe(Number(daish.q));
  // The figure: an SVG with the chart's title, and the citation.
  const figure = await downloaded(page, () => card.getByTestId('export-svg').click());
  expect(figure).toContain('<title>Frequency and distinctiveness: Daily Sabah');
  await card.getByTestId('cite-button').click();
  await expect(card.getByTestId('cite')).toContainText('Frequency and distinctiveness');
});
