import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The five seed outlets as the dashboard names them. */
export const SEED_OUTLETS = ['Press TV', 'News24', 'Unnamed aggregator', 'lidtime.com', 'VOA'];

/** The text of a chart's data table, row by row, as a user (or screen reader) reads it. */
export async function tableText(page: Page, chartId: string): Promise<string[][]> {
  const rows = page.getByTestId(`table-${chartId}`).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

/** The data row of one outlet in a chart's table. */
export async function rowOf(page: Page, chartId: string, outlet: string): Promise<string[]> {
  return (await tableText(page, chartId)).find((r) => r[0] === outlet) ?? [];
}

/** Counts document (full page) requests from now on: a client-side navigation adds none. */
export function documentCounter(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.resourceType() === 'document') n++;
  });
  return () => n;
}

/** Marks the window: a full reload would lose the marker, a client-side navigation keeps it. */
export const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __nav: number }).__nav = 42));

/** The window's marker (42 after mark), or null once a full reload has dropped it. */
export const marker = (page: Page) => page.evaluate(() => (window as unknown as { __nav?: number }).__nav ?? null);

/** The text of the file a click downloads (a chart's CSV or figure). */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  return readFileSync(await (await download).path(), 'utf8');
}

/** A downloaded chart CSV: its comment lines, its header and its rows (cells without commas, as chart CSVs have). */
export function parseChartCsv(text: string): { comments: string[]; header: string[]; rows: string[][] } {
  const lines = text.trim().split('\n');
  const [header, ...rows] = lines.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
  return { comments: lines.filter((l) => l.startsWith('# ')), header, rows };
}
