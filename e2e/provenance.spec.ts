import { expect, test } from '@playwright/test';
import { rowOf } from './helpers';

test('an article with shared passages links to its source, shown side by side', async ({ page }) => {
  // Read by hand: the Jordan Times reprints the AFP story Ahram ran three days earlier (2015-07-16), with IS made Daesh.
  await page.goto('/provenance/jordantimes-2aa485ef1515?corpus=fa-kes');
  await expect(page.getByTestId('sentence-shared').first()).toBeVisible();
  await expect(page.getByTestId('side-by-side').first()).toContainText('Daesh');
  await page.getByTestId('source-link').first().click();
  await expect(page).toHaveURL(/\/provenance\/ahram-28a4592b3ae9\?corpus=fa-kes/);
  // The source's own page lists the reprint among the articles it shares passages with.
  await expect(page.getByTestId('partner').filter({ hasText: 'Jordan Times' }).first()).toBeVisible();
  await expect(page.locator('h1')).toContainText('Barrel bombs kill 11 civilians in IS town in Syria');
});

test('"original text only" changes the counts of a chart', async ({ page }) => {
  await page.goto('/');
  // News24's seed page credits AP in its caption ("(AP)"), so all of its text is credited, none original.
  expect((await rowOf(page, 'shares-islamic-state', 'News24'))[1]).toBe('9 mentions in 1 article');
  await page.getByTestId('provenance-switch').getByRole('link', { name: 'Original only' }).click();
  await expect(page).toHaveURL(/provenance=original/);
  await expect
    .poll(async () => (await rowOf(page, 'shares-islamic-state', 'News24'))[1])
    .toBe('0 mentions in 0 articles');
  // Press TV's page shares nothing with the other pages and credits no one: unchanged.
  expect((await rowOf(page, 'shares-islamic-state', 'Press TV'))[1]).toBe('7 mentions in 1 article');
});

test('the seeds say plainly what cannot be traced', async ({ page }) => {
  await page.goto('/provenance/aggregator-a-2016-09-07-raqqa');
  await expect(page.getByTestId('tracing-note')).toContainText('is an aggregator');
  await expect(page.getByTestId('tracing-note')).toContainText('Only text this corpus holds can be traced');
});
