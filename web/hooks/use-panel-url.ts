import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { citationsOf } from '../lib/chat-message.js';
import type { GuideRouter } from './use-guide-route.js';
import type { useSourcesPanel } from './use-sources-panel.js';

type Panel = ReturnType<typeof useSourcesPanel>;

/** The newest answer citing `sectionId` and its number there: a link reopens the section as that citation. */
function citingAnswer(messages: ChatMessage[], sectionId: string) {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    const citation = message && citationsOf(message)?.citations.find((entry) => entry.id === sectionId);
    if (message && citation) return { messageId: message.id, n: citation.n };
  }
  return undefined;
}

/** Opens what the address names in the panel: the cited section with its highlights, else for reading. */
function openFromAddress(panel: Panel, messages: ChatMessage[], sectionId: string | null): void {
  const cited = sectionId === null ? undefined : citingAnswer(messages, sectionId);
  if (sectionId === null) panel.closeSection();
  else if (cited) panel.openCitation(cited.messageId, cited.n);
  else panel.browseSection(sectionId);
}

/**
 * Keeps `?s=` and the section open in the Sources panel in step while the guide is closed: opening one adds a
 * history entry, Back closes it or reopens the one before, and an address with `s` opens that section, so a
 * reload or a copied link shows it again. Only the conversation the address names takes part.
 */
export function usePanelUrl(
  router: GuideRouter,
  conversationId: string,
  messages: ChatMessage[],
  panel: Panel,
) {
  const { route, navigate, restored } = router;
  const shown = panel.openSection?.sectionId ?? null;
  const named = route.conversationId === conversationId;
  const inChat = named && route.guide === null;
  // What the address asked the panel to show, until it does: till then the panel must not write its old one back.
  const asked = useRef<string | null | undefined>(undefined);

  // Address → panel: on opening the page on this conversation, and on Back / Forward.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an address the reader came to opens a section.
  useEffect(() => {
    if (!inChat || route.sectionId === shown) return;
    asked.current = route.sectionId;
    openFromAddress(panel, messages, route.sectionId);
  }, [restored, named]);

  // Panel → address. Closing the guide puts the panel's section back in place of the guide's, not on top.
  const guideWasOpen = useRef(route.guide !== null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the panel's section or the guide closing moves it.
  useEffect(() => {
    const afterGuide = guideWasOpen.current;
    guideWasOpen.current = route.guide !== null;
    if (asked.current !== undefined) {
      if (shown === asked.current) asked.current = undefined;
      return;
    }
    if (!inChat || shown === route.sectionId) return;
    navigate({ sectionId: shown }, { replace: afterGuide });
  }, [shown, inChat]);
}
