import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether writes are enabled: only when FRAMESCOPE_ADMIN_TOKEN is set (at least 8 characters). */
export function writesEnabled(): boolean {
  return (process.env.FRAMESCOPE_ADMIN_TOKEN ?? '').length >= 8;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Checks a request's "Authorization: Bearer TOKEN" against the configured token; the error says what to do. */
export function authorize(request: Request): { ok: true } | { ok: false; status: 401 | 403; error: string } {
  if (!writesEnabled())
    return {
      ok: false,
      status: 403,
      error:
        'This dashboard is read-only: no admin token is configured (set FRAMESCOPE_ADMIN_TOKEN on the server to enable uploads and lexicon edits).',
    };
  const header = request.headers.get('authorization') ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (!given || !timingSafeEqual(digest(given), digest(process.env.FRAMESCOPE_ADMIN_TOKEN!))) {
    return {
      ok: false,
      status: 401,
      error: 'The admin token is missing or wrong. Enter the token configured on the server.',
    };
  }
  return { ok: true };
}
