import { describe, expect, test } from 'vitest';
import { extractHtml } from './html';

const page = (body: string) =>
  `<!doctype html><html><head><title>Site | Story</title><meta property="article:published_time" content="2016-08-30T10:00:00Z"></head><body>${body}</body></html>`;

describe('extractHtml', () => {
  test('takes the article, drops scripts, navigation, header, footer and asides', () => {
    const h = extractHtml(
      page(`<header><nav><p>Home News Sport</p></nav></header><script>var x = "<p>no</p>";</script>
      <article><h1>Turkey &amp; the YPG</h1><p>Turkish jets struck Kurdish militants on Friday, officials said.</p><aside><p>Read more</p></aside>
      <p>The strikes &ldquo;hit&rdquo; eight targets.</p></article><footer><p>Copyright 2016 all rights reserved here</p></footer>`),
      'a.html',
    );
    expect(h.title).toBe('Turkey & the YPG');
    expect(h.paragraphs).toEqual([
      'Turkish jets struck Kurdish militants on Friday, officials said.',
      'The strikes “hit” eight targets.',
    ]);
    expect(h.date).toBe('2016-08-30T10:00:00Z');
  });
  test('a page with no article text is rejected', () => {
    expect(() =>
      extractHtml(page('<nav><p>Home News Sport Weather</p></nav><script>var a = 1;</script>'), 'empty.html'),
    ).toThrow('empty.html: is HTML with no article text');
  });
});

// The linear scanners keep what the regular expressions they replace did (checked against the previous version).
describe('extractHtml edge cases', () => {
  const six = 'one two three four five six';
  test.each([
    ['a <p> inside a <p> ends at the first </p>', `<p>${six}<p>b</p> c</p>`, [`${six} b`]],
    ['an unclosed comment stays, as text', `<!-- a --><p>${six} <!-- seven</p>`, [`${six} <!-- seven`]],
    ['upper-case tags', `<ARTICLE><P>${six}</P></ARTICLE><p>outside</p>`, [six]],
    ['chrome that opens inside another tag', `<nav <script>x</script>><p>${six}</p>`, [six]],
    ['a closing tag with spaces', `<Script>bad</SCRIPT ><p>${six}</p>`, [six]],
    ['an unclosed script hides nothing', `<p>${six}</p><script>var a`, [six]],
  ])('%s', (_case, html, paragraphs) => expect(extractHtml(html, 'x.html').paragraphs).toEqual(paragraphs));
  test('og:title from a meta tag that follows an unclosed <meta', () => {
    expect(extractHtml(`<meta <meta name="og:title" content="T &amp; U"><p>${six}</p>`, 'x.html').title).toBe('T & U');
  });
});
