import { expect, test } from '@playwright/test';
import { rowOf, SEED_OUTLETS, tableText } from './helpers';

test('the overview shows all five seed outlets with their charts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('5 outlets');
  for (const id of [
    'shares-islamic-state',
    'stance-islamic-state',
    'shares-armed-groups',
    'shares-operation',
    'sentiment',
  ]) {
    // Bar charts are drawn by recharts, signed charts (stance, sentiment, z) by our own SVG.
    await expect(page.getByTestId(`chart-${id}`).locator('.recharts-wrapper > svg, svg[data-chart-svg]')).toBeVisible();
  }
  const outlets = (await tableText(page, 'shares-islamic-state')).map((r) => r[0]);
  expect(outlets).toEqual([...SEED_OUTLETS, 'Aggregators', 'State broadcasters']);
  // Press TV uses "Daesh" for all 7 of its Islamic State mentions (verified in the seed text), all in its one article:
  // the article-level interval is that of one decision, [1/(1 + 1.96^2), 1] = [21%, 100%].
  expect((await rowOf(page, 'shares-islamic-state', 'Press TV')).slice(1, 3)).toEqual([
    '7 mentions in 1 article',
    '100% (7 in 1 art.; 95% CI 21%–100%)',
  ]);
});

test('a compare URL opens with exactly the outlets it names', async ({ page }) => {
  await page.goto('/compare?outlets=presstv,voa');
  await expect(page.getByTestId('compare-outlets')).toContainText('Press TV, VOA');
  const picker = page.getByTestId('compare-picker');
  await expect(picker.locator('[aria-current="true"]')).toHaveText(['✓ Press TV', '✓ VOA']);
  expect((await tableText(page, 'shares-islamic-state')).map((r) => r[0])).toEqual(['Press TV', 'VOA']);
  await expect(page.getByTestId('chart-distinctive-presstv-voa-islamic-state')).toBeVisible();
});

test('clicking a bar shows its sentences with the term highlighted', async ({ page }) => {
  await page.goto('/');
  // The first series (Daesh) of the Islamic State chart; its first bar is Press TV's.
  await page.locator('#shares-islamic-state .recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/sel=m\.presstv\.islamic-state\.daesh/);
  const drill = page.getByTestId('drilldown');
  // The seed corpus holds one Press TV article, where "Daesh" occurs 7 times (read in its text).
  await expect(drill.getByRole('heading')).toHaveText('Press TV · "Daesh": 7 of 7 mentions, in 1 article');
  await expect(drill.getByTestId('kwic-row')).toHaveCount(7);
  for (const mark of await drill.locator('mark').allTextContents()) expect(mark).toBe('Daesh');
  await expect(drill.getByTestId('kwic-row').first()).toContainText('quoted');
});

test('the drill-down filters and sorts through the URL, and back/forward work', async ({ page }) => {
  await page.goto('/?sel=m.news24.islamic-state.isis');
  await expect(page.getByTestId('kwic-row')).toHaveCount(8);
  await page.getByRole('searchbox', { name: 'Filter sentences' }).fill('coalition');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=coalition/);
  // "coalition effort to deal ISIS" (quoted) and "anti-ISIS coalition".
  await expect(page.getByTestId('kwic-row')).toHaveCount(2);
  await page.goBack();
  await expect(page.getByTestId('kwic-row')).toHaveCount(8);
  await page.goForward();
  await expect(page.getByTestId('kwic-row')).toHaveCount(2);
});

test('the own-voice switch changes counts where quotes exist', async ({ page }) => {
  await page.goto('/');
  expect((await rowOf(page, 'shares-islamic-state', 'Press TV'))[1]).toBe('7 mentions in 1 article');
  await page.getByTestId('voice-switch').getByRole('link', { name: 'Own voice only' }).click();
  await expect(page).toHaveURL(/voice=own/);
  // Carter's quoted "fight against Daesh" drops out: 6 of Press TV's own mentions remain.
  await expect
    .poll(async () => (await rowOf(page, 'shares-islamic-state', 'Press TV'))[1])
    .toBe('6 mentions in 1 article');
  // VOA's one seed article: 5 of its Islamic State mentions are in its own voice.
  expect((await rowOf(page, 'shares-islamic-state', 'VOA'))[1]).toBe('5 mentions in 1 article');
});

test('outlet, term-group and article pages render', async ({ page }) => {
  await page.goto('/outlet/presstv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press TV');
  await expect(page.getByTestId('outlet-articles').locator('tbody tr')).toHaveCount(1);
  await page.goto('/group/armed-groups?metric=count');
  await expect(page.getByTestId('metric-switch').getByRole('link', { name: 'Count' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await page.goto('/article/aggregator-a-2016-09-07-raqqa');
  const text = page.getByTestId('article-text');
  await expect(text.locator('mark[data-group="islamic-state"]')).toHaveCount(9); // 2 Islamic State, 2 IS, 2 ISIS, 2 ISIL, 1 quoted Daesh
  await expect(text.locator('q.quoted').first()).toBeVisible();
  const raw = await page.request.get((await page.getByTestId('raw-link').getAttribute('href')) ?? '');
  expect(await raw.text()).toContain('Advertisement');
});

test('the embed route renders a chart alone', async ({ page }) => {
  await page.goto('/embed/shares?group=islamic-state');
  await expect(page.getByTestId('embed').locator('.recharts-wrapper > svg')).toBeVisible();
  await expect(page.locator('header.site')).toHaveCount(0);
  await page.goto('/embed/distinctive?group=islamic-state&outlets=presstv');
  await expect(page.getByTestId('chart-distinctive-presstv-rest-islamic-state')).toBeVisible();
});

test("every number drawn on a stacked bar is a count of that bar's outlet (FA-KES, 18 rows)", async ({
  page,
  request,
}) => {
  await page.goto('/?corpus=fa-kes');
  const ex = await (await request.get('/api/analysis?corpus=fa-kes')).json();
  const chart = page.locator('#shares-islamic-state');
  // Rows are drawn in export order (outlets, then groups); each tick line marks a row's centre.
  const ids: string[] = [
    ...ex.outlets.map((o: { id: string }) => o.id),
    ...ex.outletGroups.map((g: { id: string }) => g.id),
  ];
  // The charts draw after the page has loaded.
  await expect(chart.locator('.recharts-yAxis-tick-lines line')).toHaveCount(ids.length);
  const ticks = (
    await chart
      .locator('.recharts-yAxis-tick-lines line')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('y1'))))
  ).sort((a, b) => a - b);
  expect(ticks).toHaveLength(ids.length);
  const labels = await chart
    .locator('.recharts-label-list text')
    .evaluateAll((els) => els.map((e) => ({ y: Number(e.getAttribute('y')) - 4, text: e.textContent ?? '' })));
  expect(labels.length).toBeGreaterThan(40);
  for (const l of labels) {
    const row = ticks.reduce((best, y, i) => (Math.abs(y - l.y) < Math.abs(ticks[best] - l.y) ? i : best), 0);
    const counts = ex.counts
      .filter((c: { outlet: string; group: string }) => c.outlet === ids[row] && c.group === 'islamic-state')
      .map((c: { count: number }) => String(c.count));
    expect(counts, `${l.text} drawn on the row of ${ids[row]}`).toContain(l.text);
  }
});
