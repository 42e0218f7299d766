'use client';
import { useEffect } from 'react';

/** Inside an embed: tells the host page the content's height whenever it changes (read by /embed.js). */
export function EmbedResizer() {
  useEffect(() => {
    if (window.parent === window) return;
    let last = 0;
    const post = () => {
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h === last) return;
      last = h;
      window.parent.postMessage({ type: 'framescope:height', height: h }, '*');
    };
    const ro = new ResizeObserver(post);
    ro.observe(document.body);
    post();
    return () => ro.disconnect();
  }, []);
  return null;
}
