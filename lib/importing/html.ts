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

const textOf = (html: string) =>
  decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

// Page chrome never holds article text.
const CHROME =
  /<(script|style|noscript|template|svg|nav|header|footer|aside|form|iframe|button|select|figure)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

function meta(html: string, name: string): string | null {
  const re = new RegExp(`<meta\\b[^>]*(?:property|name)=["']${name}["'][^>]*>`, 'i');
  const tag = re.exec(html)?.[0];
  const content = tag ? /content=["']([^"']*)["']/i.exec(tag)?.[1] : undefined;
  return content ? decodeEntities(content).trim() : null;
}

/**
 * The article in an HTML page: title (h1, og:title or title), paragraphs of <article>/<main>/<body>, published date.
 */
export function extractHtml(
  html: string,
  file: string,
): { title: string | null; paragraphs: string[]; date: string | null } {
  const clean = html.replace(/<!--[\s\S]*?-->/g, '').replace(CHROME, ' ');
  const scope =
    /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(clean)?.[1] ??
    /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(clean)?.[1] ??
    /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(clean)?.[1] ??
    clean;
  let paragraphs = [...scope.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)]
    .map((m) => textOf(m[1]))
    .filter((p) => p.length > 0);
  // Pages without <p> markup: fall back to the text of the block elements.
  if (paragraphs.length === 0)
    paragraphs = scope
      .split(/<\/?(?:div|section|li|h[2-6]|td)\b[^>]*>/i)
      .map(textOf)
      .filter((p) => p.split(' ').length >= 8);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(clean)?.[1];
  const title =
    (h1 && textOf(h1)) ||
    meta(html, 'og:title') ||
    textOf(/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '') ||
    null;
  const words = paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  if (words < 5)
    throw new InputError(
      file,
      'is HTML with no article text (no paragraphs after removing scripts, navigation, headers and footers)',
      'save the article page itself, or paste its text',
    );
  return { title, paragraphs, date: meta(html, 'article:published_time') };
}
