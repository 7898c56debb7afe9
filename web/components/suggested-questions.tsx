import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { HELD_AT_QUESTION } from '../hooks/use-answer-settled.js';
import { useGuideOutline } from '../hooks/use-guide-data.js';
import { splitCitations } from '../lib/answer-sources.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { suggestFollowUps } from '../lib/suggest-follow-ups.js';
import type { ScopedQuestion } from './guide-reader.js';

/**
 * The follow-ups arrive after the answer (the outline loads once, on the first answer): a reader who was
 * following the end of the chat keeps seeing the end, now with the follow-ups.
 */
function useKeepInView(ref: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const element = ref.current;
    const scroller = element?.closest('.chat-scroll');
    if (!shown || !element || !(scroller instanceof HTMLElement)) return;
    if (scroller.dataset[HELD_AT_QUESTION]) return;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    if (fromBottom <= element.offsetHeight + 80) scroller.scrollTop = scroller.scrollHeight;
  }, [ref, shown]);
}

/** 2–3 next questions under an answer, from the sections around what it cited; one click asks. */
export function SuggestedQuestions(props: {
  message: ChatMessage;
  disabled: boolean;
  onAsk: (question: ScopedQuestion) => void;
}) {
  const { message, disabled, onAsk } = props;
  const { t, locale } = useI18n();
  const outline = useGuideOutline();
  const citations = citationsOf(message);
  const followUps = useMemo(() => {
    if (outline.status !== 'success' || !citations || citations.notCovered) return [];
    // From what the answer cites: a passage only searched says nothing about where the reader is.
    const ids = splitCitations(citations, messageText(message)).cited.map((citation) => citation.id);
    return suggestFollowUps(ids, outline.data.documents, locale);
  }, [outline, citations, message, locale]);
  const ref = useRef<HTMLElement>(null);
  useKeepInView(ref, followUps.length > 0);
  if (followUps.length === 0) return null;
  return (
    <section ref={ref} className="suggested" aria-label={t('followUps.title')}>
      <h3>{t('followUps.title')}</h3>
      <ul className="suggested-list">
        {followUps.map((followUp) => {
          const question = t('followUps.about', { topic: followUp.topic });
          return (
            <li key={followUp.sectionId}>
              <button
                type="button"
                className="starter"
                disabled={disabled}
                onClick={() => onAsk({ question, sectionId: followUp.sectionId, heading: followUp.topic })}
              >
                {question}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
