import { describe, expect, test } from 'vitest';
import { embedHeight, embedSnippet } from './embed';

describe('embedSnippet', () => {
  const s = embedSnippet('https://fs.example', '/embed/shares?group=islamic-state&v=abc', 'A "quoted" <title>', 600);
  test.each([
    [
      'the iframe names the embed URL, escaped',
      /<iframe src="https:\/\/fs\.example\/embed\/shares\?group=islamic-state&amp;v=abc"/,
    ],
    ['the title is escaped', /title="A &quot;quoted&quot; &lt;title> \(Framescope\)"/],
    ['a starting height', /height="600"/],
    ['the frame is marked for the resizer', /data-framescope><\/iframe>/],
    ['the resize script from the same origin', /\n<script src="https:\/\/fs\.example\/embed\.js" async><\/script>$/],
  ])('%s', (_name, re) => expect(s).toMatch(re));
});

describe('embedHeight', () => {
  // 360 px of title, notes, axis and actions, plus 40 px a row.
  test.each([
    [0, 400],
    [7, 640],
    [18, 1080],
  ])('%i rows -> %i px', (rows, h) => expect(embedHeight(rows)).toBe(h));
});
