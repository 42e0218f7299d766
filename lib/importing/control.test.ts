import { describe, expect, test } from 'vitest';
import { stripControl } from './control';

describe('stripControl', () => {
  // Each removed count is the number of escape sequences plus lone control characters in the input, counted by eye.
  test.each([
    ['plain text is unchanged', 'Raqqa\tand\nAleppo\r\n', 'Raqqa\tand\nAleppo\r\n', 0],
    ['NUL from a JSON \\u0000 escape', 'Ra\u0000qqa', 'Raqqa', 1],
    ['a colour code (CSI) is one removal', '\x1b[31mRed\x1b[0m alert', 'Red alert', 2],
    ['a window title (OSC, BEL-terminated)', '\x1b]0;owned\x07Title', 'Title', 1],
    ['an OSC with no terminator runs to the end', 'Title\x1b]0;rest', 'Title', 1],
    ['a two-character escape', 'A\x1bMB', 'AB', 1],
    ['DEL and C1 controls', 'A\x7fB\x85C\x9bD', 'ABCD', 3],
    ['vertical tab and form feed', 'A\x0bB\x0cC', 'ABC', 2],
    ['U+2028 is not a control character (titles fold it into a space elsewhere)', 'A\u2028B', 'A\u2028B', 0],
  ])('%s', (_case, input, text, removed) => expect(stripControl(input)).toEqual({ text, removed }));
});
