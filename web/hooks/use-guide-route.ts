import { useCallback, useEffect, useState } from 'react';
import { formatGuideRoute, type GuideRoute, parseGuideRoute } from '../lib/guide-route.js';

export interface GuideRouter {
  route: GuideRoute;
  /** Moves to a new route: a history entry (Back returns), or in place with `replace`. */
  navigate: (patch: Partial<GuideRoute>, options?: { replace?: boolean }) => void;
  /** Counts Back and Forward: a route the reader returned to, as opposed to one the page moved to. */
  restored: number;
}

/** The route in the address bar, kept in step with Back and Forward. */
export function useGuideRoute(): GuideRouter {
  const [route, setRoute] = useState(() => parseGuideRoute(window.location.search));
  const [restored, setRestored] = useState(0);
  useEffect(() => {
    const onPopState = () => {
      setRoute(parseGuideRoute(window.location.search));
      setRestored((count) => count + 1);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((patch: Partial<GuideRoute>, options: { replace?: boolean } = {}) => {
    const next = { ...parseGuideRoute(window.location.search), ...patch };
    const search = formatGuideRoute(next, window.location.search);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (`${window.location.pathname}${window.location.search}${window.location.hash}` === url) return;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setRoute(parseGuideRoute(search));
  }, []);
  return { route, navigate, restored };
}
