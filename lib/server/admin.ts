import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The shortest admin token accepted; a shorter one is refused when the server starts. */
export const MIN_TOKEN_LENGTH = 8;

/** The name of the admin session cookie (httpOnly: page scripts never see it). */
export const SESSION_COOKIE = 'framescope_admin';

/** How long an admin session lasts. */
export const SESSION_SECONDS = 8 * 3600;

/** Failed admin attempts allowed per client and window before answers become 429. */
export const MAX_FAILURES = 5;
const WINDOW_MS = 60_000;

/** Whether writes are enabled: only when FRAMESCOPE_ADMIN_TOKEN is set (at least 8 characters). */
export function writesEnabled(): boolean {
  return (process.env.FRAMESCOPE_ADMIN_TOKEN ?? '').length >= MIN_TOKEN_LENGTH;
}

/** What is wrong with the configured admin token, for the server to report at start (null when fine or unset). */
export function tokenProblem(env: Record<string, string | undefined> = process.env): string | null {
  const token = env.FRAMESCOPE_ADMIN_TOKEN;
  if (token === undefined || token === '') return null;
  if (token.length < MIN_TOKEN_LENGTH) {
    return `FRAMESCOPE_ADMIN_TOKEN is ${token.length} characters long; it needs at least ${MIN_TOKEN_LENGTH}. Set a longer token, or unset it for a read-only dashboard.`;
  }
  return null;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Whether a token is the configured admin token (constant-time whatever the lengths). */
export function isAdminToken(given: string): boolean {
  return writesEnabled() && given !== '' && same(given, process.env.FRAMESCOPE_ADMIN_TOKEN!);
}

// The session is signed with the token itself: changing the token ends every session, and servers sharing a token
// accept each other's sessions without shared state.
const sign = (payload: string) =>
  createHmac('sha256', process.env.FRAMESCOPE_ADMIN_TOKEN!).update(payload).digest('base64url');

/** A new session cookie value, valid for SESSION_SECONDS from `now` (ms). */
export function newSession(now = Date.now()): string {
  const payload = `v1.${Math.floor(now / 1000) + SESSION_SECONDS}.${randomBytes(9).toString('base64url')}`;
  return `${payload}.${sign(payload)}`;
}

/** Whether a session cookie value was signed with the configured token and has not expired at `now` (ms). */
export function validSession(value: string, now = Date.now()): boolean {
  if (!writesEnabled()) return false;
  const m = /^(v1\.(\d{1,12})\.[A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return false;
  return same(m[3], sign(m[1])) && Number(m[2]) * 1000 > now;
}

/** The admin session cookie of a request, if any. */
export function sessionOf(request: Request): string {
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return '';
}

// A cookie rides along with requests other sites make; a write must come from a page of this origin.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  try {
    return new URL(origin).host === new URL(request.url).host || new URL(origin).host === request.headers.get('host');
  } catch {
    return false;
  }
}

type Denied = { ok: false; status: 401 | 403 | 429; error: string; retryAfter?: number };

/**
 * Checks a write request: a signed-in session cookie from this origin, or "Authorization: Bearer TOKEN" for
 * scripts. A client that keeps failing is throttled (429); every failure is logged.
 */
export function authorize(request: Request, client = clientOf(request)): { ok: true } | Denied {
  if (!writesEnabled()) {
    return {
      ok: false,
      status: 403,
      error:
        'This dashboard is read-only: no admin token is configured (set FRAMESCOPE_ADMIN_TOKEN on the server to enable uploads and lexicon edits).',
    };
  }
  const throttled = throttle(client);
  if (throttled) return throttled;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (bearer ? isAdminToken(bearer) : validSession(sessionOf(request)) && sameOrigin(request)) return { ok: true };
  fail(client, request);
  return {
    ok: false,
    status: 401,
    error: 'You are not signed in as admin, or the token is wrong. Sign in with the token configured on the server.',
  };
}

/** The client a request comes from, as the front server reports it (the socket's address), or "unknown". */
export function clientOf(request: Request): string {
  return request.headers.get('x-framescope-client') ?? 'unknown';
}

// Failed attempts per client in the current window: the one place that decides who is throttled.
const failures = new Map<string, { count: number; since: number }>();

/** Records a failed admin attempt and logs it (when, from where, what). */
export function fail(client: string, request: Request, now = Date.now()): void {
  const f = failures.get(client);
  if (!f || now - f.since > WINDOW_MS) failures.set(client, { count: 1, since: now });
  else f.count++;
  if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
  console.warn(
    `${new Date(now).toISOString()} admin: failed attempt from ${client} on ${new URL(request.url).pathname}`,
  );
}

/** The 429 answer for a client over its failure budget, or null. */
export function throttle(client: string, now = Date.now()): Denied | null {
  const f = failures.get(client);
  if (!f || now - f.since > WINDOW_MS || f.count < MAX_FAILURES) return null;
  const retryAfter = Math.ceil((f.since + WINDOW_MS - now) / 1000);
  return {
    ok: false,
    status: 429,
    error: `Too many failed admin attempts from this address; try again in ${retryAfter} s.`,
    retryAfter,
  };
}

/** Forgets every failure (tests). */
export function resetThrottle(): void {
  failures.clear();
}

/** The JSON answer to a refused write, with Retry-After when the client is throttled. */
export function deniedResponse(denied: Denied): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (denied.retryAfter !== undefined) headers['retry-after'] = String(denied.retryAfter);
  return Response.json({ error: denied.error }, { status: denied.status, headers });
}
