/** A request body that went over its byte limit while it was being read. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over the ${formatBytes(limit)} limit.`);
    this.name = 'BodyTooLargeError';
  }
}

/** A byte count for messages: "10 MB", "512 KB". */
export function formatBytes(n: number): string {
  return n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Reads a request body stream up to `limit` bytes, counting bytes as they arrive: a chunked or lying request is cut
 * off at the limit instead of being buffered whole. Throws BodyTooLargeError past the limit.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The declared Content-Length when it is over the limit (a request refused before reading), else null. */
export function declaredTooLarge(headers: Headers, limit: number): number | null {
  const n = Number(headers.get('content-length') ?? '');
  return Number.isFinite(n) && n > limit ? n : null;
}
