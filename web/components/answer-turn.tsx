import { memo, useCallback, useMemo } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { useFeedback } from '../hooks/use-feedback.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { AnswerBadge } from './answer-badge.js';
import { AnswerFooter } from './answer-footer.js';
import { AnswerMarkdown } from './answer-markdown.js';
import { CopyButton } from './copy-button.js';
import { FeedbackControls } from './feedback-controls.js';

export interface AnswerTurnProps {
  message: ChatMessage;
  question: string;
  /** This answer is still streaming in. */
  streaming: boolean;
  /** Whether this answer's sources are the ones shown in the panel. */
  selected: boolean;
  /** Present only on the last answer, when regenerating is possible. */
  onRegenerate?: () => void;
  onCite: (messageId: string, n: number) => void;
  onShowSources: (messageId: string) => void;
}

function PendingNotice({ hasCitations }: { hasCitations: boolean }) {
  return (
    <p className="pending" role="status">
      {hasCitations ? 'Writing the answer…' : 'Searching the guide…'}
    </p>
  );
}

/** One assistant answer: badge, cited Markdown, measurements, actions and feedback. */
export const AnswerTurn = memo(function AnswerTurn(props: AnswerTurnProps) {
  const { message, question, streaming, selected, onRegenerate, onCite, onShowSources } = props;
  const text = messageText(message);
  const citationsData = citationsOf(message);
  const citations = citationsData?.citations ?? [];
  const metadata = message.metadata;
  const citationNumbers = useMemo(() => citations.map((citation) => citation.n), [citations]);
  const cite = useCallback((n: number) => onCite(message.id, n), [onCite, message.id]);
  const feedbackContext = useMemo(
    () => ({ messageId: message.id, question, answer: text, metadata, citations }),
    [message.id, question, text, metadata, citations],
  );
  const feedback = useFeedback(feedbackContext);
  const notCovered = citationsData?.notCovered ?? metadata?.notCovered ?? false;
  const sourceCount = citations.length + (notCovered ? (citationsData?.nearest.length ?? 0) : 0);

  return (
    <article
      aria-label="Answer"
      className={`turn answer${selected ? ' is-selected' : ''}`}
      aria-busy={streaming}
    >
      <div className="answer-meta">{metadata && <AnswerBadge metadata={metadata} />}</div>
      {notCovered && (
        <p className="not-covered">
          The guide doesn't cover this. The nearest sections are listed under Sources.
        </p>
      )}
      {text === '' && streaming ? (
        <PendingNotice hasCitations={citationsData !== undefined} />
      ) : (
        <AnswerMarkdown text={text} citationNumbers={citationNumbers} onCite={cite} />
      )}
      {(metadata?.removedCitations ?? 0) > 0 && (
        <p className="answer-note">
          {metadata?.removedCitations} citation marker(s) pointing to no source were removed from this answer.
        </p>
      )}
      {!streaming && metadata && <AnswerFooter metadata={metadata} />}
      {!streaming && (
        <div className="answer-actions">
          {sourceCount > 0 && (
            <button type="button" className="text-button" onClick={() => onShowSources(message.id)}>
              Show sources ({sourceCount})
            </button>
          )}
          {text !== '' && <CopyButton text={text} />}
          {onRegenerate && (
            <button type="button" className="text-button" onClick={onRegenerate}>
              Regenerate
            </button>
          )}
        </div>
      )}
      {!streaming && text !== '' && <FeedbackControls state={feedback.answerState} onRate={feedback.rate} />}
    </article>
  );
});
