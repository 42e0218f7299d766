import { InputError } from '../errors';

/**
 * Where a DATABASE_URL points, without its password or query (error messages and logs must never show a secret); an
 * unreadable URL is named as such rather than echoed.
 */
export function describeDatabaseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    return `DATABASE_URL (${u.protocol} is not postgres:)`;
  const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
  return `postgres://${user}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
}

/**
 * PostgreSQL could not be reached or refused a write: nothing of the write was stored (it is one transaction). The
 * server answers 503 with Retry-After; `stored` is always empty, kept beside StorageError's field of the same name.
 */
export class DatabaseUnavailableError extends InputError {
  readonly stored: string[] = [];
  readonly retryAfterSeconds = 10;
  constructor(where: string, cause: string, what = 'nothing was stored') {
    super(
      where,
      `could not be reached (${cause}); ${what}`,
      'check that PostgreSQL is running and DATABASE_URL is right, then send the same write again',
    );
    this.name = 'DatabaseUnavailableError';
  }
}

// Errors of the connection itself, not of a query: node's socket codes and PostgreSQL's "cannot connect now" classes.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** Whether an error means PostgreSQL is unreachable (as opposed to a query that PostgreSQL rejected). */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (e instanceof AggregateError) return e.errors.some(isConnectionError);
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message);
}
