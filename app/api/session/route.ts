import {
  SESSION_COOKIE,
  SESSION_SECONDS,
  clientOf,
  fail,
  isAdminToken,
  newSession,
  throttle,
  validSession,
  sessionOf,
  writesEnabled,
} from '@/lib/server/admin';
import { audit } from '@/lib/server/audit';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

const cookie = (value: string, maxAge: number, request: Request) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${new URL(request.url).protocol === 'https:' ? '; Secure' : ''}`;

/** Whether this browser is signed in as admin. */
export function GET(request: Request) {
  return json({ writes: writesEnabled(), signedIn: validSession(sessionOf(request)) });
}

/** Signs in with the admin token: an httpOnly session cookie, so page scripts never hold the token. */
export async function POST(request: Request) {
  if (!writesEnabled()) return json({ error: 'This dashboard is read-only: no admin token is configured.' }, 403);
  const client = clientOf(request);
  const throttled = throttle(client);
  if (throttled) return json({ error: throttled.error }, 429, { 'retry-after': String(throttled.retryAfter) });
  let token = '';
  try {
    const text = await request.text();
    if (text.length <= 4096) token = String((JSON.parse(text) as { token?: unknown }).token ?? '');
  } catch {
    return json({ error: 'Send {"token": "..."} as JSON.' }, 400);
  }
  if (!isAdminToken(token)) {
    fail(client, request);
    audit({ action: 'sign-in', corpus: null, client, ok: false, detail: 'wrong token' });
    return json({ error: 'That is not the admin token configured on this server.' }, 401);
  }
  audit({ action: 'sign-in', corpus: null, client, ok: true, detail: 'signed in' });
  return json({ signedIn: true }, 200, { 'set-cookie': cookie(newSession(), SESSION_SECONDS, request) });
}

/** Signs out. */
export function DELETE(request: Request) {
  return json({ signedIn: false }, 200, { 'set-cookie': cookie('', 0, request) });
}
