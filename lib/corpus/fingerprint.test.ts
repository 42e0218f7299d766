import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusFingerprint, corpusFingerprintAsync } from './fingerprint';

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'framescope-fp-'));
  mkdirSync(path.join(dir, 'articles'));
  writeFileSync(path.join(dir, 'corpus.json'), '{}');
  writeFileSync(path.join(dir, 'lexicon.json'), '{}');
  writeFileSync(path.join(dir, 'articles', 'a.txt'), 'Rebels attacked.');
  writeFileSync(path.join(dir, 'articles', 'b.txt'), 'Forces replied.');
  return dir;
}
const later = (file: string) => utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));

describe('corpusFingerprint', () => {
  test.each([
    [
      'an article edited in place, same size',
      (d: string) => {
        writeFileSync(path.join(d, 'articles', 'a.txt'), 'Rebels ATTACKED.');
        later(path.join(d, 'articles', 'a.txt'));
      },
      true,
    ],
    ['an article added', (d: string) => writeFileSync(path.join(d, 'articles', 'c.txt'), 'More.'), true],
    ['an article removed', (d: string) => rmSync(path.join(d, 'articles', 'b.txt')), true],
    ['the lexicon edited', (d: string) => writeFileSync(path.join(d, 'lexicon.json'), '{ }'), true],
    ['corpus.json edited', (d: string) => writeFileSync(path.join(d, 'corpus.json'), '{ }'), true],
    [
      'a temporary file written beside the articles',
      (d: string) => writeFileSync(path.join(d, 'articles', '.a.txt.123.x.tmp'), 'half'),
      false,
    ],
    ['a staged batch', (d: string) => mkdirSync(path.join(d, '.staging', 'x'), { recursive: true }), false],
    ['nothing', () => undefined, false],
  ])('%s changes it: %s', async (_case, change, changes) => {
    const dir = folder();
    const before = corpusFingerprint(dir);
    change(dir);
    expect(corpusFingerprint(dir) !== before).toBe(changes);
    // The watcher's asynchronous scan reads the same fingerprint.
    expect(await corpusFingerprintAsync(dir)).toBe(corpusFingerprint(dir));
  });

  // The scan hashes 64 files' stats at a time (PARALLEL): folders of a batch and a file, several batches and an edge,
  // and one whose article is edited after the first batch, read the same as the synchronous fingerprint.
  test.each([
    ['one batch and one file', 63, false],
    ['three batches exactly', 190, false],
    ['several batches, an article edited past the first', 300, true],
  ])('the watcher’s scan of %s reads the same fingerprint', async (_case, extra, edit) => {
    const dir = folder();
    for (let i = 0; i < extra; i++)
      writeFileSync(path.join(dir, 'articles', `x${String(i).padStart(4, '0')}.txt`), `Article ${i}.`);
    if (edit) later(path.join(dir, 'articles', 'x0200.txt'));
    expect(await corpusFingerprintAsync(dir)).toBe(corpusFingerprint(dir));
    rmSync(dir, { recursive: true, force: true });
  });

  test('is the digest of each file’s name, size, mtime and ctime in order, computed here independently', async () => {
    const dir = folder();
    const h = createHash('sha1');
    for (const [file, name] of [
      ['corpus.json', 'corpus.json'],
      ['lexicon.json', 'lexicon.json'],
      ['articles/a.txt', 'a.txt'],
      ['articles/b.txt', 'b.txt'],
    ]) {
      const s = statSync(path.join(dir, file));
      h.update(`${name}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\n`);
    }
    const want = h.digest('hex').slice(0, 16);
    expect(corpusFingerprint(dir)).toBe(want);
    expect(await corpusFingerprintAsync(dir)).toBe(want);
    rmSync(dir, { recursive: true, force: true });
  });
});
