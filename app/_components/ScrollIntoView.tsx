'use client';
import { useEffect } from 'react';

/**
 * Brings an element into view when `trigger` changes (a drill-down opened, sorted or paged), scrolling only as far
 * as needed: the chart that was clicked stays where it is whenever both fit on screen.
 */
export function ScrollIntoView({ targetId, trigger }: { targetId: string; trigger: string }) {
  useEffect(() => {
    const el = document.getElementById(targetId);
    if (!el) return;
    const box = el.getBoundingClientRect();
    const visible = box.top >= 0 && box.top < window.innerHeight - Math.min(box.height, 120);
    if (!visible) el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }, [targetId, trigger]);
  return null;
}
