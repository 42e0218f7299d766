/** The environment settings that say where the app is reachable from outside. */
export interface OriginEnv {
  FRAMESCOPE_URL?: string;
  FRAMESCOPE_TRUST_PROXY?: string;
  PORT?: string;
}

const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/i;

/**
 * The public origin for absolute links in previews (og:image, canonical URL). Only what the operator configured is
 * trusted, since pages are cached and shared: FRAMESCOPE_URL when set; else, with FRAMESCOPE_TRUST_PROXY=1, the
 * proxy's X-Forwarded-Host (and X-Forwarded-Proto); else the server's own address, never the request's Host header.
 */
export function publicOrigin(env: OriginEnv, header: (name: string) => string | null): string {
  if (env.FRAMESCOPE_URL) {
    try {
      return new URL(env.FRAMESCOPE_URL).origin;
    } catch {
      throw new Error(
        `FRAMESCOPE_URL = "${env.FRAMESCOPE_URL}" is not a URL; set it to the public address, e.g. https://framescope.example.org`,
      );
    }
  }
  if (env.FRAMESCOPE_TRUST_PROXY === '1') {
    const host = header('x-forwarded-host')?.split(',')[0].trim() ?? '';
    const proto = header('x-forwarded-proto')?.split(',')[0].trim() === 'http' ? 'http' : 'https';
    if (HOST.test(host)) return `${proto}://${host.toLowerCase()}`;
  }
  return `http://localhost:${env.PORT ?? '3000'}`;
}
