import { describe, expect, test } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  test.each([
    ['plain', 'a,b\n1,2\n', [['1', '2']]],
    ['quoted comma and doubled quote', 'a,b\n"x, y","say ""hi"""\n', [['x, y', 'say "hi"']]],
    ['newline inside quotes', 'a,b\n"line 1\nline 2",z\n', [['line 1\nline 2', 'z']]],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2\r\n3,4',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['blank lines are skipped', 'a,b\n\n1,2\n\n', [['1', '2']]],
  ])('%s', (_case, text, rows) => expect(parseCsv(text, 'f.csv').records.map((r) => r.cells)).toEqual(rows));

  test('records carry the line they start on', () => {
    expect(parseCsv('a,b\n"x\ny",1\nz,2\n', 'f.csv').records.map((r) => r.line)).toEqual([2, 4]);
  });
  test('an unclosed quote names its line', () =>
    expect(() => parseCsv('a,b\n1,2\n"open,3\n', 'f.csv')).toThrow('f.csv line 3: a quoted field is never closed'));
});
