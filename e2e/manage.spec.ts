import { expect, test, type APIRequestContext } from '@playwright/test';

// These tests write to the "scratch" corpus that scripts/e2e-server.sh creates in a temporary copy of corpus/.
const TOKEN = 'e2e-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };
test.describe.configure({ mode: 'serial' });

async function articleCount(request: APIRequestContext, query = ''): Promise<number> {
  return (await (await request.get(`/api/analysis?corpus=scratch${query}`)).json()).articles.length;
}
const story = (n: number) =>
  `Kurdish militants and Turkish-backed rebels clashed near village ${n} on Friday, monitors said, as the YPG militia held the line.`;

test('paste an article: preview shows the cleaned text and mentions, save makes a new version and old links keep their numbers', async ({
  page,
  request,
}) => {
  const before = await (await request.get('/api/analysis?corpus=scratch')).json();
  await page.goto('/manage?corpus=scratch');
  await page.getByTestId('admin-token').fill(TOKEN);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
  await page.getByTestId('upload-title').fill('Clashes near Manbij');
  await page.getByTestId('upload-text').fill(story(1));
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('upload-preview');
  // "militants", "rebels", "militia": three armed-group labels.
  await expect(preview).toContainText('3 mentions found');
  await expect(preview.locator('mark')).toHaveText(['militants', 'rebels', 'militia']);
  await page.getByTestId('upload-save').click();
  await expect(page.getByTestId('upload-result')).toContainText(
    `Saved 1 article; 0 duplicates, 0 rejected. Corpus version ${before.corpus.version} →`,
  );
  expect(await articleCount(request)).toBe(before.articles.length + 1);
  // The link made before the upload still shows the old corpus, and says so.
  await page.goto(`/?corpus=scratch&v=${before.corpus.version}`);
  await expect(page.getByTestId('version-banner')).toContainText('exactly as it was when the link was made');
  expect(await articleCount(request, `&v=${before.corpus.version}`)).toBe(before.articles.length);
  await page.goto('/manage?corpus=scratch');
  await expect(page.getByTestId('versions').locator('tbody tr')).toHaveCount(2);
});

test('concurrent uploads lose no article and store repeated content once', async ({ request }) => {
  // Twelve writes, each analysed, versioned and stored in turn: 15 s on a quiet 2-core machine, over 30 s under load.
  test.setTimeout(90_000);
  const before = await articleCount(request);
  const send = (n: number) =>
    request.post('/api/upload', {
      headers: auth,
      data: {
        corpus: 'scratch',
        outlet: 'voa',
        save: true,
        text: { title: `Report ${n}`, body: story(n >= 100 ? 100 : n) },
      },
    });
  // Ten different articles and the same article twice, all at once.
  const answers = await Promise.all([...Array.from({ length: 10 }, (_, i) => send(10 + i)), send(100), send(101)]);
  const bodies = await Promise.all(answers.map((a) => a.json()));
  expect(answers.map((a) => a.status())).toEqual(Array(12).fill(200));
  expect(bodies.reduce((s, b) => s + b.imported, 0)).toBe(11);
  expect(bodies.reduce((s, b) => s + b.duplicates.length, 0)).toBe(1);
  expect(await articleCount(request)).toBe(before + 11);
});

test('bad uploads get a clear error per file and the rest still imports', async ({ request }) => {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
  const r = await request.post('/api/upload', {
    headers: auth,
    data: {
      corpus: 'scratch',
      outlet: 'voa',
      save: false,
      files: [
        { name: 'good.txt', base64: b64(`title: Fine\n\n${story(500)}`) },
        { name: 'empty.txt', base64: '' },
        { name: 'image.txt', base64: b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])) },
        { name: 'latin1.txt', base64: b64(Buffer.from('title: Caf\xe9\n\nText', 'latin1')) },
        { name: 'nav.html', base64: b64('<html><body><nav><p>Home</p></nav></body></html>') },
        { name: 'rows.csv', base64: b64(`title,text,outlet\nA,"${story(501)}",bbc\nB,short\n`) },
      ],
    },
  });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.imported).toBe(1);
  expect(body.rejected.map((x: { where: string }) => x.where)).toEqual([
    'empty.txt',
    'image.txt',
    'latin1.txt',
    'nav.html',
    'rows.csv line 3',
    'rows.csv line 2',
  ]);
  expect(body.rejected.find((x: { where: string }) => x.where === 'rows.csv line 2').reason).toContain(
    'unknown outlet "bbc"',
  );
  expect(
    (
      await request.post('/api/upload', {
        data: { corpus: 'scratch', outlet: 'voa', text: { title: 'x', body: story(1) } },
      })
    ).status(),
  ).toBe(401);
  expect(
    (
      await request.post('/api/upload', {
        headers: auth,
        data: { corpus: 'scratch', outlet: 'Not An Id', text: { title: 'x', body: story(1) } },
      })
    ).status(),
  ).toBe(400);
  expect(
    (
      await request.post('/api/upload', {
        headers: auth,
        data: { corpus: 'nope', outlet: 'voa', text: { title: 'x', body: story(1) } },
      })
    ).status(),
  ).toBe(404);
});

test('the lexicon editor names the bad entry, and a saved lexicon is a new version', async ({ page, request }) => {
  await page.goto('/manage?corpus=scratch');
  await page.getByTestId('admin-token').fill(TOKEN);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
  await page.getByRole('tab', { name: 'JSON (advanced)' }).click();
  const editor = page.getByTestId('lexicon-text');
  const original = await editor.inputValue();
  await editor.fill(
    original.replace('"patterns": ["militant", "militants"]', '"patterns": ["militant", "militants", "the"]'),
  );
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('lexicon-result')).toContainText(
    '("armed-groups") variants[3] ("militants") patterns[2]: pattern "the" is one of the most common English words',
  );
  const before = (await (await request.get('/api/analysis?corpus=scratch')).json()).corpus.version;
  await editor.fill(
    original.replace('"patterns": ["militant", "militants"]', '"patterns": ["militant", "militants", "gunmen"]'),
  );
  await page.getByTestId('lexicon-save').click();
  await expect(page.getByTestId('lexicon-result')).toContainText(`Saved. Corpus version ${before} →`);
  const after = (await (await request.get('/api/analysis?corpus=scratch')).json()).corpus.version;
  expect(after).not.toBe(before);
  expect((await (await request.get(`/api/analysis?corpus=scratch&v=${before}`)).json()).corpus.version).toBe(before);
});
