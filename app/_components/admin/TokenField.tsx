'use client';
import { useEffect, useRef } from 'react';
import { getToken, setToken } from './token';

/** Where the admin types the server's admin token once per tab. */
export function TokenField() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = getToken();
  }, []);
  return (
    <label className="field">
      Admin token{' '}
      <input
        ref={ref}
        type="password"
        autoComplete="off"
        data-testid="admin-token"
        onChange={(e) => setToken(e.target.value)}
      />
    </label>
  );
}
