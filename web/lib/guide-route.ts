/**
 * What the address bar carries: the conversation, the guide's view while it is open, and the open section —
 * the guide's while it is open, else the one open in the chat's Sources panel.
 */
export interface GuideRoute {
  conversationId: string | null;
  /** `contents` or `compare` while the guide browser is open; null shows the chat. */
  guide: 'contents' | 'compare' | null;
  sectionId: string | null;
}

/** Reads `?c=<conversation>&guide=contents|compare&s=<section>`; `s` without `guide` is the panel's section. */
export function parseGuideRoute(search: string): GuideRoute {
  const params = new URLSearchParams(search);
  const view = params.get('guide');
  const guide = view === 'compare' || view === 'contents' ? view : null;
  return {
    conversationId: params.get('c') || null,
    guide,
    // `section` is the link other channels hand out (the server's `sectionUrl`): the same section, beside the chat.
    sectionId: guide === 'compare' ? null : params.get('s') || params.get('section') || null,
  };
}

/** The search string for a route, other parameters of the current address kept. */
export function formatGuideRoute(route: GuideRoute, current = ''): string {
  const params = new URLSearchParams(current);
  for (const key of ['c', 'guide', 's', 'section']) params.delete(key);
  if (route.conversationId) params.set('c', route.conversationId);
  if (route.guide) params.set('guide', route.guide);
  if (route.guide !== 'compare' && route.sectionId) params.set('s', route.sectionId);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
