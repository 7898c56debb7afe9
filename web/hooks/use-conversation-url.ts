import { useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n.js';
import type { Conversations } from './use-conversations.js';
import type { GuideRouter } from './use-guide-route.js';

/**
 * Keeps `?c=` and the active conversation in step: an address naming a saved conversation opens it, Back and
 * Forward return to earlier ones, and choosing or starting one adds a history entry. The tab is titled with
 * the conversation's first question.
 */
export function useConversationUrl(conversations: Conversations, router: GuideRouter): void {
  const { activeId, select } = conversations;
  const { route, navigate } = router;
  const known = (id: string | null) =>
    id !== null && conversations.conversations.some((entry) => entry.id === id);
  // The conversation the page was opened on, until it is active: till then the active id must not overwrite it.
  const opening = useRef(known(route.conversationId) ? route.conversationId : null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of address selects.
  useEffect(() => {
    const wanted = route.conversationId;
    if (wanted !== null && wanted !== activeId && known(wanted)) select(wanted);
  }, [route.conversationId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of conversation moves the address.
  useEffect(() => {
    if (opening.current !== null) {
      if (activeId !== opening.current) return;
      opening.current = null;
    }
    if (route.conversationId === activeId) return;
    // A conversation the address never named (the first one of a visit) replaces rather than adds an entry;
    // it keeps a section the address opens beside it, while switching leaves the last one's section behind.
    const switching = known(route.conversationId);
    const leaveSection = switching && route.guide === null ? { sectionId: null } : {};
    navigate({ conversationId: activeId, ...leaveSection }, { replace: !switching });
  }, [activeId]);

  const title = conversations.conversations.find((entry) => entry.id === activeId)?.title;
  const brand = useI18n().t('app.brand');
  useEffect(() => {
    document.title = title ? `${title} · ${brand}` : brand;
  }, [title, brand]);
}
