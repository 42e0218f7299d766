import type { ReactNode } from 'react';

/** A rate drawn as a bar at most 5rem long (the largest rate of its scale fills it), its number printed beside it. */
export function RateBar({
  value,
  max,
  color,
  children,
}: {
  value: number;
  max: number;
  color: string;
  children: ReactNode;
}) {
  return (
    <span className="rate">
      <span className="rate-bar" style={{ width: `${(value / max) * 5}rem`, background: color }} aria-hidden="true" />
      <span className="rate-value">{children}</span>
    </span>
  );
}
