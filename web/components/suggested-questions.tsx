import { useMemo } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { useGuideOutline } from '../hooks/use-guide-data.js';
import { splitCitations } from '../lib/answer-sources.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { suggestFollowUps } from '../lib/suggest-follow-ups.js';
import type { ScopedQuestion } from './guide-reader.js';

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
  if (followUps.length === 0) return null;
  return (
    <section className="suggested" aria-label={t('followUps.title')}>
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
