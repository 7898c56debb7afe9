import { useEffect, useMemo, useRef } from 'react';

/** Remembers what had focus when a view opened, to give it back when the view closes. */
export function useFocusReturn() {
  const opener = useRef<HTMLElement | null>(null);
  return useMemo(
    () => ({
      /** `keepEarlier`: moving on inside an open view keeps the element where reading began. */
      remember(options: { keepEarlier?: boolean } = {}) {
        if (options.keepEarlier && opener.current) return;
        if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
      },
      restore() {
        const element = opener.current;
        opener.current = null;
        if (element?.isConnected) element.focus();
      },
    }),
    [],
  );
}

/** Calls `onEscape` on Escape (not while an input method is composing); null listens to nothing. */
export function useEscapeKey(onEscape: (() => void) | null): void {
  useEffect(() => {
    if (!onEscape) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);
}
