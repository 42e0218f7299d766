'use client';

/** POSTs JSON as the signed-in admin (the session cookie rides along); returns the status and the parsed answer. */
export async function postJson(
  url: string,
  body: unknown,
  method = 'POST',
): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  let data: Record<string, unknown> = {};
  try {
    data = await res.json();
  } catch {
    data = { error: `The server answered ${res.status} without JSON.` };
  }
  return { status: res.status, data };
}
