import { expect, test } from '@playwright/test';
import { tableText } from './helpers';

// Counts below come from the hand-checked attribution table in lib/actors/seeds.test.ts.
test('the overview heatmap shows one outlet, picked through the URL', async ({ page }) => {
  await page.goto('/');
  const lens = page.getByTestId('actor-lens');
  await expect(lens.getByTestId('lens-picker').locator('[aria-current="true"]')).toHaveText('Press TV');
  await expect(
    page.getByTestId('chart-actors-presstv-armed-groups').locator('svg[data-chart-svg]:not(.heatmap-labels)'),
  ).toBeVisible();
  await lens.getByTestId('lens-picker').getByRole('link', { name: 'News24' }).click();
  await expect(page).toHaveURL(/lens=news24/);
  const rows = await tableText(page, 'actors-news24-armed-groups');
  // News24: "Rebel", "Rebel fighters", "the jihadists", "ethnic militias", "Christian forces" name no actor.
  expect(rows.find((r) => r[0] === 'Unattributed')?.[1]).toBe('5');
  expect(rows.find((r) => r[0] === 'Islamic State')?.slice(1, 3)).toEqual(['2', '0']);
});

test('clicking a heatmap cell lists the labels behind it with the rule that attributed them', async ({ page }) => {
  await page.goto('/?lens=presstv');
  const chart = page.getByTestId('chart-actors-presstv-armed-groups');
  // Row 1 (Kurdish groups), last column (forces): "Arab and Kurdish forces", "preventing Kurdish forces".
  await chart.getByTestId('heat-cell').nth(7).click();
  await expect(page).toHaveURL(/sel=a\.presstv\.kurdish-groups\.armed-groups\.forces/);
  const drill = page.getByTestId('drilldown');
  await expect(drill.getByRole('heading')).toHaveText(
    'Press TV · "forces" for Kurdish groups: 2 of 2 mentions, in 1 article',
  );
  await expect(drill.getByTestId('kwic-row')).toHaveCount(2);
  for (const row of await drill.getByTestId('kwic-row').all()) await expect(row).toContainText('modifier: Kurdish');
});

test('the tone heatmap opens the sentences behind a cell, and compare shows both outlets', async ({ page }) => {
  await page.goto('/compare?outlets=presstv,voa');
  await expect(page.getByTestId('chart-actors-presstv-armed-groups')).toBeVisible();
  await expect(page.getByTestId('chart-actors-voa-armed-groups')).toBeVisible();
  const tone = await tableText(page, 'actor-tone');
  const is = tone.find((r) => r[0] === 'Islamic State')!;
  await page.getByTestId('chart-actor-tone').getByText('Numbers in this chart (table)').click();
  await page
    .getByTestId('table-actor-tone')
    .getByRole('row', { name: /Islamic State/ })
    .getByRole('link')
    .last()
    .click();
  await expect(page).toHaveURL(/sel=t\.voa\.islamic-state/);
  await expect(page.getByTestId('drilldown').getByRole('heading')).toContainText(
    `toward Islamic State: ${is[6]} of ${is[6]} sentences`,
  );
});

test('the outlet page and the actor embed show the same counts', async ({ page }) => {
  await page.goto('/outlet/voa');
  const onPage = await tableText(page, 'actors-voa-armed-groups');
  await page.goto('/embed/actors?group=armed-groups&outlets=voa');
  expect(await tableText(page, 'actors-voa-armed-groups')).toEqual(onPage);
  // VOA: "Islamic State terror group", "IS fighters", "Kurdish fighters", "ethnic militias".
  expect(onPage.map((r) => [r[0], r[1]])).toEqual([
    ['Kurdish groups', '1'],
    ['Turkish-backed groups', '0'],
    ['US-backed (unnamed)', '0'],
    ['Islamic State', '2'],
    ['Unattributed', '1'],
  ]);
});

test('bad actor URLs get a 404 or 400 that names the valid choices', async ({ request }) => {
  const r = await request.get('/?sel=t.voa.martians');
  expect(r.status()).toBe(404);
  expect(await r.text()).toContain('kurdish-groups');
  expect((await request.get('/embed/actors?group=armed-groups')).status()).toBe(400);
  expect((await request.get('/?lens=bbc')).status()).toBe(404);
});
