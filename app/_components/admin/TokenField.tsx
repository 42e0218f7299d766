'use client';
import { useEffect, useRef, useState } from 'react';
import { postJson } from './token';

/**
 * Sign in with the server's admin token. The token is sent once and exchanged for an httpOnly session cookie, so
 * no page script can read it afterwards.
 */
export function TokenField() {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [token, setToken] = useState('');
  const [status, setStatus] = useState('');
  // Once the user has signed in or out, the first check's answer is stale: on a busy server it can come after the
  // sign-in's, and it said "not signed in" (the cookie did not exist yet), which put the form back.
  const acted = useRef(false);
  useEffect(() => {
    void fetch('/api/session', { credentials: 'same-origin' })
      .then((r) => r.json())
      .then((d: { signedIn?: boolean }) => {
        if (!acted.current) setSignedIn(!!d.signedIn);
      })
      .catch(() => {
        if (!acted.current) setSignedIn(false);
      });
  }, []);
  const signIn = async (e: React.FormEvent) => {
    e.preventDefault();
    acted.current = true;
    const { status: code, data } = await postJson('/api/session', { token });
    setToken('');
    if (code === 200) {
      setSignedIn(true);
      setStatus('Signed in');
    } else setStatus(String(data.error ?? `The server answered ${code}.`));
  };
  const signOut = async () => {
    acted.current = true;
    await postJson('/api/session', {}, 'DELETE');
    setSignedIn(false);
    setStatus('Signed out');
  };
  if (signedIn) {
    return (
      <p data-testid="signed-in">
        Signed in as admin.{' '}
        <button type="button" onClick={signOut}>
          Sign out
        </button>{' '}
        <span role="status">{status}</span>
      </p>
    );
  }
  return (
    <form onSubmit={signIn} className="kwic-filter">
      <label className="field">
        Admin token{' '}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="admin-token"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="sign-in">
        Sign in
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </form>
  );
}
