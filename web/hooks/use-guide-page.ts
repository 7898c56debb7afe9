import { useCallback, useState } from 'react';
import type { ScopedQuestion } from '../components/guide-reader.js';
import { useConversationUrl } from './use-conversation-url.js';
import type { Conversations } from './use-conversations.js';
import { useGuideRoute } from './use-guide-route.js';
import type { GuidePrefill } from './use-guide-scope.js';

/**
 * The chat page's guide: whether the browser is open (from the address), opening it at a section, closing
 * it, and the question it hands back to the chat. Also keeps `?c=` and the tab title in step.
 */
export function useGuidePage(conversations: Conversations) {
  const router = useGuideRoute();
  useConversationUrl(conversations, router);
  const { route, navigate } = router;
  const [prefill, setPrefill] = useState<GuidePrefill | undefined>(undefined);
  const openGuide = useCallback(
    (sectionId?: string) => navigate({ guide: 'contents', sectionId: sectionId ?? null }),
    [navigate],
  );
  const closeGuide = useCallback(() => navigate({ guide: null, sectionId: null }), [navigate]);
  const askFromGuide = useCallback(
    (question: ScopedQuestion, send: boolean) => {
      setPrefill({ ...question, send, at: Date.now() });
      closeGuide();
    },
    [closeGuide],
  );
  return { route, navigate, router, prefill, openGuide, closeGuide, askFromGuide };
}
