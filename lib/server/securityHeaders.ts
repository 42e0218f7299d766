/**
 * The security headers of every answer, in one place: a Content-Security-Policy with a per-render script nonce, who
 * may frame a page (nobody, except embeds), and the headers every answer carries.
 */

/** Who may frame an embed: FRAMESCOPE_FRAME_ANCESTORS (space-separated sources), or anyone. */
export function embedAncestors(env: Record<string, string | undefined> = process.env): string {
  const configured = (env.FRAMESCOPE_FRAME_ANCESTORS ?? '').trim();
  return configured || '*';
}

/** The CSP of a rendered page: scripts only with this render's nonce (and what they load), framing by `ancestors`. */
export function pagePolicy(nonce: string, ancestors: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the nonced scripts may load Next's chunks; without it every chunk would need listing.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and the charts set style attributes.
    "style-src 'self' 'unsafe-inline'",
    // Chart exports draw through data: and blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** The CSP of the standalone bad-link page: no scripts at all. */
export const PROBLEM_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
