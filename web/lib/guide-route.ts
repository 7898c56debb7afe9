/** What the address bar carries: the conversation, and the guide's view and open section when it is open. */
export interface GuideRoute {
  conversationId: string | null;
  /** `contents` or `compare` while the guide browser is open; null shows the chat. */
  guide: 'contents' | 'compare' | null;
  sectionId: string | null;
}

/** Reads `?c=<conversation>&guide=contents|compare&s=<section>`; an open section implies the guide. */
export function parseGuideRoute(search: string): GuideRoute {
  const params = new URLSearchParams(search);
  const sectionId = params.get('s') || null;
  const view = params.get('guide');
  const guide = view === 'compare' ? 'compare' : view === 'contents' || sectionId ? 'contents' : null;
  return {
    conversationId: params.get('c') || null,
    guide,
    sectionId: guide === 'compare' ? null : sectionId,
  };
}

/** The search string for a route, other parameters of the current address kept. */
export function formatGuideRoute(route: GuideRoute, current = ''): string {
  const params = new URLSearchParams(current);
  for (const key of ['c', 'guide', 's']) params.delete(key);
  if (route.conversationId) params.set('c', route.conversationId);
  if (route.guide) params.set('guide', route.guide);
  if (route.guide === 'contents' && route.sectionId) params.set('s', route.sectionId);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
