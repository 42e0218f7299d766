import { expect, test } from '@playwright/test';
import { documentCounter, downloaded, mark, marker, parseChartCsv } from './helpers';

test('a date range set in the control changes the counts and stays in the URL', async ({ page }) => {
  await page.goto('/?corpus=fa-kes');
  await expect(page.getByTestId('date-caption')).toHaveText('All 784 articles.');
  await page.getByTestId('date-from').fill('2016-07-01');
  await page.getByTestId('date-to').fill('2016-07-31');
  await page.getByTestId('date-apply').click();
  await expect(page).toHaveURL(/from=2016-07-01&to=2016-07-31/);
  // 70 FA-KES articles are dated July 2016 (counted with grep over the article files' date lines).
  await expect(page.getByTestId('date-caption')).toHaveText('articles dated 2016-07-01 to 2016-07-31 (70 of 784)');
  // The range rides along to the other views.
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/\/compare\?.*from=2016-07-01&to=2016-07-31/);
  await expect(page.getByTestId('date-caption')).toContainText('(70 of 784)');
  await page.getByTestId('date-clear').click();
  await expect(page.getByTestId('date-caption')).toHaveText('All 784 articles.');
});

test('a time-series point opens its sentences client-side, by mouse or keyboard', async ({ page }) => {
  await page.goto('/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah&bin=quarter', {
    waitUntil: 'networkidle',
  });
  await expect(page.getByTestId('change-points')).toContainText('Daily Sabah');
  const docs = documentCounter(page);
  await mark(page);
  // The last point drawn is on top wherever it lies (points of variants with equal shares overlap).
  const point = page.getByTestId('time-point').last();
  const title = await point.locator('title').textContent();
  await point.click();
  await expect(page).toHaveURL(/at=\d{4}-Q[1-4]/);
  await expect(page).toHaveURL(/sel=m\.dailysabah\.islamic-state\./);
  // The point's count ("n of N mentions in k articles") is the number of sentences the drill-down lists.
  const n = Number(/: (\d+) of \d+ mentions? in \d+ articles?/.exec(title ?? '')![1]);
  await expect(page.getByTestId('drilldown')).toBeVisible();
  await expect(page.getByTestId('drilldown')).toContainText(`${n} of ${n} mention`);
  // Points are links: Tab reaches them and Enter opens the first one's sentences, still without a reload.
  const first = page.getByTestId('time-point').first();
  await first.focus();
  await expect(first).toBeFocused();
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(href);
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('a weekly series of every armed-groups outlet stays a small page, its numbers on demand', async ({
  page,
  request,
}) => {
  const url = '/time?corpus=fa-kes&group=armed-groups&bin=week';
  // 2.7 MB when every point was a server-drawn link; the points are now drawn in the browser from compact numbers.
  const body = await (await request.get(url)).body();
  expect(body.byteLength).toBeLessThan(400_000);
  await page.goto('/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah', { waitUntil: 'networkidle' });
  // The change-point list on the page says 2016-06 had 21 mentions in 5 articles; the table's row says the same.
  await expect(page.getByTestId('change-points')).toContainText('21 Islamic State mentions in 5 articles');
  const table = page.getByTestId('series-table-dailysabah');
  await table.locator('summary').click();
  await expect(table.locator('tr').filter({ hasText: '2016-06' })).toContainText('21 (5)');
});

test("a series' chart actions: its CSV holds the numbers drawn, its figure the chart", async ({ page }) => {
  await page.goto('/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah', { waitUntil: 'networkidle' });
  const card = page.getByTestId('series-dailysabah');
  const { comments, header, rows } = parseChartCsv(
    await downloaded(page, () => card.getByTestId('export-csv').click()),
  );
  expect(comments[0]).toBe('# Daily Sabah: naming of Islamic State over time');
  expect(header).toEqual([
    'outlet',
    'period',
    'variant',
    'count',
    'groupTotal',
    'groupArticles',
    'share',
    'shareLow',
    'shareHigh',
    'articles',
    'tokens',
    'per1k',
  ]);
  const col = (name: string) => header.indexOf(name);
  const june = rows.filter((r) => r[col('period')] === '2016-06');
  // The change-point list says 2016-06 had 21 mentions in 5 articles: the CSV's variants add up to the same.
  expect(june.map((r) => r[col('variant')])).toEqual(['daesh', 'isil', 'isis', 'is', 'islamic-state']);
  expect(june.reduce((s, r) => s + Number(r[col('count')]), 0)).toBe(21);
  expect(new Set(june.map((r) => `${r[col('groupTotal')]} ${r[col('groupArticles')]}`))).toEqual(new Set(['21 5']));
  const figure = await downloaded(page, () => card.getByTestId('export-svg').click());
  expect(figure).toContain('<title>Daily Sabah: naming of Islamic State over time</title>');
  expect(figure).toContain('data-testid="time-point"');
});

test('compare two outlets on the same stories only', async ({ page }) => {
  await page.goto('/compare?corpus=fa-kes&outlets=ahram,alaraby');
  await expect(page.getByTestId('shared-count')).toHaveCount(0);
  await page.getByTestId('same-stories').click();
  await expect(page).toHaveURL(/stories=shared/);
  // 14 stories both Ahram Online and The New Arab covered, 31 of their articles (the door's figure, also checked in
  // lib/server/dataset.time.test.ts to equal the articles the compare view counts).
  await expect(page.getByTestId('shared-count')).toContainText('14 stories covered by every chosen outlet, 31 of');
});

test('a story shows its actor lens: what each outlet called each actor there', async ({ page }) => {
  await page.goto('/stories?corpus=fa-kes&from=2016-07-18&to=2016-07-21');
  // The Manbij coalition strikes (corpus/fa-kes/STORIES.md): one story of seven outlets' reports.
  const story = page.getByTestId('story').filter({ hasText: 'Coalition raids kill 21 civilians' });
  await expect(story).toHaveCount(1);
  await expect(story.locator('li')).toHaveCount(7);
  const lens = story.getByTestId('story-lens');
  await expect(lens).toBeVisible();
  await expect(lens.locator('thead')).toContainText('Al-Alam');
  await expect(lens.locator('tbody th').first()).toBeVisible();
});

test('an embed says the date range it counts', async ({ page }) => {
  await page.goto('/embed/shares?corpus=fa-kes&group=islamic-state&from=2016-01-01&to=2016-06-30');
  await expect(page.getByTestId('embed-caption')).toContainText('articles dated 2016-01-01 to 2016-06-30 (');
});
