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
