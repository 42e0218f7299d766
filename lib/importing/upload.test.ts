import { describe, expect, test } from 'vitest';
import { MAX_UPLOAD_FILES, parseUpload } from './upload';

const ok = { corpus: 'seeds', outlet: 'voa', text: { title: 'T', body: 'Some text about Syria.' } };

describe('parseUpload', () => {
  test('pasted text becomes one text file with a metadata header', () => {
    const u = parseUpload({ ...ok, text: { title: 'T\nwith newline', date: '2016-10-21', body: 'B' }, save: true });
    expect(new TextDecoder().decode(u.items[0].bytes)).toBe('title: T with newline\ndate: 2016-10-21\n\nB');
    expect(u).toMatchObject({ corpus: 'seeds', outlet: 'voa', newOutletName: null, save: true });
  });
  test('files are decoded from base64, names cannot hold paths', () => {
    const u = parseUpload({
      corpus: 'seeds',
      outlet: 'voa',
      files: [{ name: '../../etc/a.txt', base64: Buffer.from('hi').toString('base64') }],
    });
    expect(u.items[0]).toMatchObject({ name: '.._.._etc_a.txt', format: 'text' });
  });
  test.each([
    ['not an object', [], 'the request body must be a JSON object'],
    ['bad corpus id', { ...ok, corpus: '../x' }, 'upload field "corpus": is not a corpus id'],
    ['bad outlet id', { ...ok, outlet: 'Al Jazeera' }, '"al jazeera" is not an outlet id'],
    ['pasted text without title', { ...ok, text: { body: 'x' } }, 'pasted text: has no title'],
    ['nothing to upload', { corpus: 'seeds', outlet: 'voa' }, 'holds no text and no files'],
    [
      'file without base64',
      { corpus: 'seeds', outlet: 'voa', files: [{ name: 'a.txt' }] },
      'upload file 1 (a.txt): is not {"name", "base64"}',
    ],
    [
      'too many files',
      { corpus: 'seeds', outlet: 'voa', files: Array(MAX_UPLOAD_FILES + 1).fill({ name: 'a.txt', base64: '' }) },
      'over the limit of 100',
    ],
    ['new outlet without a name', { ...ok, newOutletName: '  ' }, 'must be 1 to 80 characters'],
  ])('%s', (_case, body, message) => expect(() => parseUpload(body)).toThrow(message));
});
