import { memo, useCallback, useMemo } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { useAnswerFeedback } from '../hooks/use-feedback.js';
import { citationsOf, messageText, sourceCountOf } from '../lib/chat-message.js';
import { AnswerBadge } from './answer-badge.js';
import { AnswerFooter } from './answer-footer.js';
import { AnswerMarkdown } from './answer-markdown-lazy.js';
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

/** Points to the nearest sections only when there are some: otherwise it would send the reader nowhere. */
function NotCoveredNotice({ nearestCount }: { nearestCount: number }) {
  return (
    <p className="not-covered">
      The guide doesn't cover this.
      {nearestCount > 0 ? ' The nearest sections are listed under Sources.' : ''}
    </p>
  );
}

interface AnswerActionsProps {
  text: string;
  sourceCount: number;
  onShowSources: () => void;
  onRegenerate?: () => void;
}

function AnswerActions({ text, sourceCount, onShowSources, onRegenerate }: AnswerActionsProps) {
  return (
    <div className="answer-actions">
      {sourceCount > 0 && (
        <button type="button" className="text-button" onClick={onShowSources}>
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
  );
}

/** One assistant answer: badge, cited Markdown, measurements, actions and feedback. */
export const AnswerTurn = memo(function AnswerTurn(props: AnswerTurnProps) {
  const { message, question, streaming, selected, onRegenerate, onCite, onShowSources } = props;
  const text = messageText(message);
  const citationsData = citationsOf(message);
  const { metadata } = message;
  const citationNumbers = useMemo(
    () => (citationsData?.citations ?? []).map((citation) => citation.n),
    [citationsData],
  );
  const cite = useCallback((n: number) => onCite(message.id, n), [onCite, message.id]);
  const feedback = useAnswerFeedback(message, question);
  const notCovered = citationsData?.notCovered ?? metadata?.notCovered ?? false;

  return (
    <article
      aria-label="Answer"
      className={`turn answer${selected ? ' is-selected' : ''}`}
      aria-busy={streaming}
    >
      <div className="answer-meta">{metadata && <AnswerBadge metadata={metadata} />}</div>
      {notCovered && <NotCoveredNotice nearestCount={citationsData?.nearest.length ?? 0} />}
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
        <AnswerActions
          text={text}
          sourceCount={sourceCountOf(message)}
          onShowSources={() => onShowSources(message.id)}
          onRegenerate={onRegenerate}
        />
      )}
      {!streaming && text !== '' && <FeedbackControls state={feedback.answerState} onRate={feedback.rate} />}
    </article>
  );
});
