'use client';
const KEY = 'framescope-admin-token';

/** The admin token typed in this browser tab (kept in sessionStorage, never in the URL). */
export function getToken(): string {
  return typeof window === 'undefined' ? '' : (window.sessionStorage.getItem(KEY) ?? '');
}

/** Remembers the admin token for this tab. */
export function setToken(token: string): void {
  window.sessionStorage.setItem(KEY, token);
}

/** POSTs JSON with the admin token; returns the status and the parsed answer. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${getToken()}` },
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
