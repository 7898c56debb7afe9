import { useSyncExternalStore } from 'react';

/** The width below which the layout is a phone's; `styles.css` switches at the same width. */
export const PHONE_LAYOUT = '(max-width: 760px)';

/** Below this width the conversations are a drawer over the chat; `styles.css` switches at the same width. */
export const NARROW_LAYOUT = '(max-width: 1100px)';

/** The reader asked the system for less motion: scrolling jumps instead of gliding. */
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether a CSS media query matches now, re-rendering when it changes (e.g. rotating a phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
