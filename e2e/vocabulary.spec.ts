import { expect, test } from '@playwright/test';
import { documentCounter, mark, marker } from './helpers';

test("the explorer: an outlet's terms, a click opens the sentences client-side", async ({ page }) => {
  await page.goto('/vocabulary?corpus=fa-kes&outlets=dailysabah', { waitUntil: 'networkidle' });
  await expect(page.getByTestId('vocabulary-takeaway')).toContainText('n-grams scored');
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
