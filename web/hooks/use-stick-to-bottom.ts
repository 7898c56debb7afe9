import { type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

const NEAR_BOTTOM_PX = 120;

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming answer), unless the
 * reader has scrolled up to read something earlier. `release` unpins it at once (the page moved the view on
 * purpose), before the scroll event that would say so arrives.
 */
export function useStickToBottom(
  container: RefObject<HTMLElement | null>,
  contentVersion: unknown,
): { release: () => void } {
  const pinned = useRef(true);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [container]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the content changes.
  useLayoutEffect(() => {
    const element = container.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [container, contentVersion]);

  const release = useCallback(() => {
    pinned.current = false;
  }, []);
  return { release };
}
