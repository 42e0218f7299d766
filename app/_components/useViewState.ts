'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { hrefFor, parseState, withState, type Selection, type ViewState } from '@/lib/url/state';

/** The current view state from the URL, and hrefs for changed states (the only way client code touches the URL). */
export function useViewState(): {
  state: ViewState;
  pathname: string;
  href: (patch: Partial<ViewState>, path?: string) => string;
} {
  const params = useSearchParams();
  const pathname = usePathname();
  return useMemo(() => {
    const { state } = parseState(new URLSearchParams(params.toString()));
    return { state, pathname, href: (patch, path) => hrefFor(path ?? pathname, withState(state, patch)) };
  }, [params, pathname]);
}

/** Opens the drill-down for a selection by pushing it into the URL (so back/forward return to it). */
export function useDrillDown(): (sel: Selection) => void {
  const router = useRouter();
  const { href } = useViewState();
  return (sel) => router.push(href({ sel }), { scroll: false });
}
