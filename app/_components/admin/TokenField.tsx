'use client';
import { useEffect, useState } from 'react';
import { postJson } from './token';

/**
 * Sign in with the server's admin token. The token is sent once and exchanged for an httpOnly session cookie, so
 * no page script can read it afterwards.
 */
export function TokenField() {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [token, setToken] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    void fetch('/api/session', { credentials: 'same-origin' })
      .then((r) => r.json())
      .then((d: { signedIn?: boolean }) => setSignedIn(!!d.signedIn))
      .catch(() => setSignedIn(false));
  }, []);
  const signIn = async (e: React.FormEvent) => {
    e.preventDefault();
    const { status: code, data } = await postJson('/api/session', { token });
    setToken('');
    if (code === 200) {
      setSignedIn(true);
      setStatus('Signed in');
    } else setStatus(String(data.error ?? `The server answered ${code}.`));
  };
  const signOut = async () => {
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
