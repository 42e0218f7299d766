import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
});
