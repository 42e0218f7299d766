import { InputError } from '../errors';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

/** Decodes HTML character references (named, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

// Every pass below is linear in the page: no regex retries a lazy or [^>]* scan from each of many unclosed tags.

// Text up to and including the last ">", and the rest: a tag-matching regex can only match inside the first part, so
// it never scans to the end of the page from every "<" of an unclosed tail.
function splitAtLastGt(html: string): [string, string] {
  const at = html.lastIndexOf('>') + 1;
  return [html.slice(0, at), html.slice(at)];
}

const stripTags = (html: string) => {
  const [head, tail] = splitAtLastGt(html);
  return head.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ' ') + tail;
};
const textOf = (html: string) => decodeEntities(stripTags(html)).replace(/\s+/g, ' ').trim();

function removeComments(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<!--', at);
    const close = open < 0 ? -1 : html.indexOf('-->', open + 4);
    // An unclosed comment stays, as it did with the regex; no later comment can close either.
    if (close < 0) return out + html.slice(at);
    out += html.slice(at, open);
    at = close + 3;
  }
}

/**
 * Each <tag ...>…</tag> element in order (the first closing tag after each opening one, like a lazy regex), as
 * [start, end, innerStart, innerEnd]. A tag with no closing tag after an opening one has none later either, so it
 * is dropped from the search instead of being retried from every later opening tag.
 */
function* elements(html: string, tags: readonly string[]): Generator<[number, number, number, number, string]> {
  const open = new RegExp(`<(${tags.join('|')})\\b`, 'gi');
  const dead = new Set<string>();
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    const tag = m[1].toLowerCase();
    if (dead.has(tag)) continue;
    const gt = html.indexOf('>', m.index);
    if (gt < 0) return;
    const close = new RegExp(`</${tag}\\s*>`, 'gi');
    close.lastIndex = gt + 1;
    const c = close.exec(html);
    if (!c) {
      dead.add(tag);
      open.lastIndex = m.index + 1;
      continue;
    }
    yield [m.index, c.index + c[0].length, gt + 1, c.index, tag];
    open.lastIndex = c.index + c[0].length;
  }
}

const firstInner = (html: string, tag: string) => {
  for (const [, , from, to] of elements(html, [tag])) return html.slice(from, to);
  return undefined;
};

// Page chrome never holds article text.
const CHROME = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'button',
  'select',
  'figure',
];

function removeChrome(html: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of elements(html, CHROME)) {
    out += `${html.slice(at, start)} `;
    at = end;
  }
  return out + html.slice(at);
}

function meta(html: string, name: string): string | null {
  const want = new RegExp(`(?:property|name)=["']${name}["']`, 'i');
  const open = /<meta\b/gi;
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    const gt = html.indexOf('>', m.index);
    if (gt < 0) return null;
    const tag = html.slice(m.index, gt + 1);
    if (want.test(tag)) {
      const content = /content=["']([^"']*)["']/i.exec(tag)?.[1];
      return content ? decodeEntities(content).trim() : null;
    }
    // Any <meta inside this tag ends at the same ">", so it cannot match either.
    open.lastIndex = gt + 1;
  }
  return null;
}

/**
 * The article in an HTML page: title (h1, og:title or title), paragraphs of <article>/<main>/<body>, published date.
 */
export function extractHtml(
  html: string,
  file: string,
): { title: string | null; paragraphs: string[]; date: string | null } {
  const clean = removeChrome(removeComments(html));
  const scope = firstInner(clean, 'article') ?? firstInner(clean, 'main') ?? firstInner(clean, 'body') ?? clean;
  let paragraphs = [...elements(scope, ['p'])]
    .map(([, , from, to]) => textOf(scope.slice(from, to)))
    .filter((p) => p.length > 0);
  // Pages without <p> markup: fall back to the text of the block elements.
  if (paragraphs.length === 0) {
    const [head, tail] = splitAtLastGt(scope);
    const blocks = head.split(/<\/?(?:div|section|li|h[2-6]|td)\b[^>]*>/i);
    blocks[blocks.length - 1] += tail;
    paragraphs = blocks.map(textOf).filter((p) => p.split(' ').length >= 8);
  }
  const h1 = firstInner(clean, 'h1');
  const title = (h1 && textOf(h1)) || meta(html, 'og:title') || textOf(firstInner(html, 'title') ?? '') || null;
  const words = paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  if (words < 5)
    throw new InputError(
      file,
      'is HTML with no article text (no paragraphs after removing scripts, navigation, headers and footers)',
      'save the article page itself, or paste its text',
    );
  return { title, paragraphs, date: meta(html, 'article:published_time') };
}
