import { expect, test } from '@playwright/test';

// These tests save lexicons to the "lexscratch" corpus that scripts/e2e-server.sh creates in a temporary copy of
// corpus/ (one VOA article), so the bundled corpora and the upload tests' corpus are never modified.
const TOKEN = 'e2e-admin-token';
test.describe.configure({ mode: 'serial' });

async function signIn(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await page.getByTestId('admin-token').fill(TOKEN);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
}

test('a bad value shows its error next to its field, and Save is refused until it is fixed', async ({ page }) => {
  await signIn(page, '/manage?corpus=lexscratch#lexicon-editor');
  const form = page.getByTestId('lexicon-form');
  await form.getByText('Islamic State', { exact: true }).click();
  const stance = page.locator('#lex-groups-0-variants-0-stance');
  await stance.fill('2');
  await expect(stance).toHaveAttribute('aria-invalid', 'true');
  const error = page.locator('#lex-groups-0-variants-0-stance-error');
  await expect(error).toContainText('stance 2 is not a number in [-1, 1]');
  await expect(stance).toHaveAttribute('aria-describedby', /lex-groups-0-variants-0-stance-error/);
  await expect(page.getByTestId('lexicon-save')).toBeDisabled();
  await expect(page.getByTestId('lexicon-validity')).toContainText('Not valid yet');
  // The server refuses it as well, naming the field's path.
  const res = await page.request.post('/api/lexicon', {
    data: {
      corpus: 'lexscratch',
      save: true,
      lexicon: JSON.stringify({
        groups: [{ id: 'g', label: 'Q', short: 'Q', axis: { negative: 'n', positive: 'p' } }],
      }),
    },
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).path).toBe('groups[0].variants');
  await stance.fill('-1');
  await expect(stance).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('lexicon-save')).toBeEnabled();
  // The JSON tab shows the form's edit, and an edit there shows in the form.
  await page.getByRole('tab', { name: 'JSON (advanced)' }).click();
  const text = page.getByTestId('lexicon-text');
  await text.fill((await text.inputValue()).replace('"label": "Daesh"', '"label": "Daesh (renamed)"'));
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.locator('#lex-groups-0-variants-0-label')).toHaveValue('Daesh (renamed)');
});

test('add a term from a link: as a variant, the preview shows the count change, and after saving the chart shows it', async ({
  page,
}) => {
  await signIn(page, '/manage?corpus=lexscratch&add=campaign#lexicon-editor');
  const panel = page.getByTestId('add-term');
  await expect(panel).toContainText('Add campaign to the lexicon');
  await panel.getByLabel('How').selectOption({ label: 'as a new variant of a group' });
  await panel.getByLabel('Group').selectOption({ label: 'Turkish operation' });
  await panel.getByTestId('add-term-button').click();
  // The new variant is the operation group's sixth; its stance is focused, as the one field left to fill.
  const stance = page.locator('#lex-groups-2-variants-5-stance');
  await expect(stance).toBeFocused();
  await expect(page.locator('#lex-groups-2-variants-5-patterns-0')).toHaveValue('campaign');
  await expect(page.getByTestId('lexicon-save')).toBeDisabled();
  await stance.fill('0.25');
  await page.locator('#lex-groups-2-variants-5-rationale').fill('Neutral military word for the operation.');
  await expect(page.getByTestId('lexicon-save')).toBeEnabled();
  await page.getByTestId('lexicon-preview-button').click();
  // Read in the VOA article: "the campaign to defeat Islamic State" and "surrounding the campaign to retake ... Mosul",
  // both in sentences that name Turkey before them, so both count for the Turkish operation.
  await expect(page.getByTestId('lexicon-preview')).toContainText(
    'new variant "campaign" (Turkish operation): +2 mentions in 1 article of VOA',
  );
  await page.getByTestId('lexicon-save').click();
  await expect(page.getByTestId('lexicon-result')).toContainText('Saved. Corpus version');
  await page.getByRole('link', { name: 'Open the overview' }).click();
  await expect(page).toHaveURL(/\/\?corpus=lexscratch$/);
  await expect(page.getByTestId('chart-shares-operation').getByTestId('legend')).toContainText('campaign');
});

test('an add parameter that is not a term is a 400 that says why', async ({ request }) => {
  const res = await request.get('/manage?corpus=lexscratch&add=%3Cscript%3E');
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain('which a lexicon term cannot hold');
});
