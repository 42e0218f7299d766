import type { ReactNode } from 'react';

/**
 * A scrollable table region that keyboard users can focus and scroll. `sticky`: the region also scrolls vertically
 * (at most about three quarters of the screen high), and its header row and first column stay in view.
 */
export function ScrollTable({
  label,
  children,
  className,
  sticky,
}: {
  label: string;
  children: ReactNode;
  className?: string;
  sticky?: boolean;
}) {
  const classes = ['table-scroll', sticky ? 'sticky-head' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
