import { expect, test, type Page } from '@playwright/test';
import { documentCounter, mark, marker } from './helpers';

async function inViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const b = el.getBoundingClientRect();
    return b.top > -2 && b.top < window.innerHeight;
  });
}

test('clicking a chart bar is a client-side navigation that brings the drill-down into view', async ({ page }) => {
  await page.goto('/?corpus=fa-kes', { waitUntil: 'networkidle' });
  const docs = documentCounter(page);
  await mark(page);
  const bar = page.locator('#shares-islamic-state .recharts-bar-rectangle').first();
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  await expect(page).toHaveURL(/corpus=fa-kes&sel=m\.[a-z-]+\.islamic-state\./);
  await expect(page.getByTestId('drilldown')).toBeVisible();
  await expect.poll(() => inViewport(page, 'drilldown')).toBe(true);
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('back and forward restore the view and its drill-down without reloading', async ({ page }) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  const docs = documentCounter(page);
  await mark(page);
  await page.getByTestId('chart-shares-islamic-state').getByText('Numbers in this chart (table)').click();
  await page.getByTestId('table-shares-islamic-state').locator('a').first().click();
  await expect(page).toHaveURL(/sel=m\.presstv\.islamic-state/);
  await expect(page.getByTestId('drilldown')).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/sel=/);
  await expect(page.getByTestId('drilldown')).toHaveCount(0);
  await expect(page.getByTestId('chart-shares-islamic-state')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('drilldown')).toBeVisible();
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('header links, switches, chips, sorting and the filter form navigate client-side', async ({ page }) => {
  await page.goto('/?corpus=fa-kes&sel=m.sana.islamic-state', { waitUntil: 'networkidle' });
  const docs = documentCounter(page);
  await mark(page);
  const drill = page.getByTestId('drilldown');
  await drill.getByRole('link', { name: /Left context/ }).click();
  await expect(page).toHaveURL(/sort=left/);
  await drill.getByRole('searchbox', { name: 'Filter sentences' }).fill('Aleppo');
  await drill.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=Aleppo/);
  await expect(page).toHaveURL(/corpus=fa-kes/);
  await page.getByTestId('voice-switch').getByRole('link', { name: 'Own voice only' }).click();
  await expect(page).toHaveURL(/voice=own/);
  await page.getByRole('navigation', { name: 'Outlets' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/outlet\/[a-z-]+\?corpus=fa-kes/);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?corpus=fa-kes/);
  expect(docs()).toBe(0);
  expect(await marker(page)).toBe(42);
});

test('a drill-down with thousands of mentions is paged, and the page is in the URL', async ({ page }) => {
  // All armed-group labels of every FA-KES outlet: far more than one page.
  await page.goto('/group/armed-groups?corpus=fa-kes&sel=m.state-media.armed-groups', { waitUntil: 'networkidle' });
  const pager = page.getByTestId('pager').first();
  await expect(pager).toContainText(/Mentions 1–100 of [\d,]+ \(page 1 of \d+\)/);
  await expect(page.getByTestId('kwic-row')).toHaveCount(100);
  const docs = documentCounter(page);
  await pager.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('pager').first()).toContainText(/Mentions 101–200 of/);
  expect(docs()).toBe(0);
});

test('an embed drill-down shows its sentences inside the frame', async ({ page }) => {
  await page.goto('/embed/shares?corpus=fa-kes&group=islamic-state', { waitUntil: 'networkidle' });
  const docs = documentCounter(page);
  await page.locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/sel=m\./);
  await expect(page.getByTestId('drilldown').getByTestId('kwic-row').first()).toBeVisible();
  expect(docs()).toBe(0);
});

test('the client router gets RSC answers, never cached HTML', async ({ request }) => {
  for (let i = 0; i < 2; i++) {
    // A plain load first, so the HTML answer is cached when the RSC request comes.
    const html = await request.get('/compare?outlets=presstv,voa');
    expect(html.headers()['content-type']).toContain('text/html');
    const rsc = await request.get('/compare?outlets=presstv,voa&_rsc=x1', { headers: { RSC: '1' } });
    expect(rsc.status()).toBe(200);
    expect(rsc.headers()['content-type']).toContain('text/x-component');
    expect(rsc.headers()['x-framescope-cache']).toBeUndefined();
  }
});

const ROUTES = [
  '/',
  '/compare?outlets=presstv,voa',
  '/outlet/presstv',
  '/group/armed-groups',
  '/article/voa-2016-10-21-cooperation',
  '/embed/shares?group=islamic-state',
  '/embed/stance?group=islamic-state',
  '/embed/sentiment',
  '/embed/distinctive?group=islamic-state&outlets=presstv',
  '/embed/actors?group=armed-groups&outlets=presstv',
  '/embed/actor-tone',
  '/manage',
  '/time?group=islamic-state',
  '/stories',
  '/provenance',
  '/methods',
];

for (const corpus of ['seeds', 'fa-kes']) {
  test(`every view reaches network idle without failed requests (${corpus})`, async ({ page }) => {
    test.setTimeout(120_000);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    for (const route of ROUTES) {
      let url = route.includes('?') ? `${route}&corpus=${corpus}` : `${route}?corpus=${corpus}`;
      if (corpus === 'fa-kes') {
        url = url
          .replace('outlets=presstv,voa', 'outlets=trt,sputnik')
          .replace('/outlet/presstv', '/outlet/sana')
          .replace('outlets=presstv', 'outlets=sana');
        if (url.startsWith('/article/')) continue;
      }
      await page.goto(url, { waitUntil: 'networkidle', timeout: 15_000 });
    }
    if (corpus === 'fa-kes') {
      await page.goto('/outlet/sana?corpus=fa-kes', { waitUntil: 'networkidle' });
      const href = await page.getByTestId('outlet-articles').locator('a').first().getAttribute('href');
      await page.goto(href!, { waitUntil: 'networkidle', timeout: 15_000 });
      await expect(page.getByTestId('article-text')).toBeVisible();
    }
    expect(failed).toEqual([]);
  });
}
