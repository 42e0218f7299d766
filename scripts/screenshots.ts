// Takes headless Chromium screenshots of every view (light, dark, 375 px) into a folder, for looking at the UI.
// Run against a running server: npx tsx scripts/screenshots.ts http://localhost:3000 /tmp/shots
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../e2e/chromium';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? '/tmp/framescope-shots';
const pages: [string, string][] = [
  ['overview', '/'],
  ['overview-drill', '/?sel=m.presstv.islamic-state.daesh'],
  ['fakes-drill', '/group/armed-groups?corpus=fa-kes&sel=m.state-media.armed-groups&page=2'],
  ['embed-drill', '/embed/shares?group=islamic-state&sel=m.presstv.islamic-state.daesh'],
  ['compare', '/compare?outlets=presstv,news24'],
  ['compare3', '/compare?outlets=presstv,voa,aggregators'],
  ['outlet', '/outlet/presstv'],
  ['group', '/group/armed-groups?metric=count'],
  ['article', '/article/aggregator-a-2016-09-07-raqqa'],
  ['embed', '/embed/shares?group=islamic-state'],
  ['bad', '/outlet/nope?voice=own'],
  ['stale', '/?v=abcdef123456'],
  ['time', '/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah,alalam'],
  [
    'time-drill',
    '/time?corpus=fa-kes&group=islamic-state&outlets=dailysabah&bin=quarter&at=2016-Q3&sel=m.dailysabah.islamic-state.daesh',
  ],
  ['stories', '/stories?corpus=fa-kes&from=2016-07-01&to=2016-07-31'],
  ['compare-same', '/compare?corpus=fa-kes&outlets=ahram,alaraby&stories=shared'],
  ['fakes-range', '/?corpus=fa-kes&from=2016-01-01&to=2016-12-31'],
  ['provenance', '/provenance?corpus=fa-kes'],
  ['provenance-outlet', '/provenance?corpus=fa-kes&outlets=ahram'],
  ['provenance-article', '/provenance/jordantimes-2aa485ef1515?corpus=fa-kes'],
  ['provenance-seeds', '/provenance/aggregator-a-2016-09-07-raqqa'],
  ['vocabulary', '/vocabulary?corpus=fa-kes&outlets=manar'],
  ['vocabulary-term', '/vocabulary?corpus=fa-kes&outlets=dailysabah,trt&term=Daish'],
  ['search', '/search?corpus=fa-kes&term=terror*&outlets=manar'],
];
const only = process.argv[4];

(async () => {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch(CHROMIUM);
  for (const [scheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 375],
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    for (const [name, url] of pages) {
      if (only && !name.startsWith(only)) continue;
      await page.goto(base + url, { waitUntil: 'networkidle' });
      await page.screenshot({ path: path.join(out, `${name}-${scheme}-${width}.png`), fullPage: true });
    }
    await ctx.close();
  }
  await browser.close();
})();
