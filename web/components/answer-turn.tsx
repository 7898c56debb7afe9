import { memo, useCallback } from 'react';
import type { ChatMessage, TextSpan } from '../../server/contract.js';
import { useAnswerFeedback } from '../hooks/use-feedback.js';
import { citedSourceCount, copyableAnswer } from '../lib/answer-sources.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { isStopped } from '../lib/stopped-answer.js';
import { langTag } from '../lib/text-language.js';
import { AnswerBadge } from './answer-badge.js';
import { AnswerFooter } from './answer-footer.js';
import { AnswerMarkdown } from './answer-markdown-lazy.js';
import { CopyButton } from './copy-button.js';
import { FeedbackControls } from './feedback-controls.js';
import { NotCovered } from './not-covered.js';

export interface AnswerTurnProps {
  message: ChatMessage;
  question: string;
  /** 1-based position among the answers, for its heading. */
  turn: number;
  /** This answer is still streaming in. */
  streaming: boolean;
  /** Whether this answer's sources are the ones shown in the panel. */
  selected: boolean;
  /** Present only on the last answer, when regenerating is possible. */
  onRegenerate?: () => void;
  onCite: (messageId: string, n: number, spans?: TextSpan[]) => void;
  onShowSources: (messageId: string) => void;
  onAsk: (question: string) => void;
  onBrowse: (sectionId: string) => void;
}

/** Until the server says how it answers, the reader is told only that the guide is being searched. */
function PendingNotice({ hasCitations }: { hasCitations: boolean }) {
  const { t } = useI18n();
  return (
    <p className="pending" role="status">
      {hasCitations ? t('answer.writing') : t('answer.searching')}
    </p>
  );
}

/** Copy, 👍, 👎 and (only where a second try can differ: a model wrote it) regenerate. */
function AnswerActions(props: { message: ChatMessage; question: string; onRegenerate?: () => void }) {
  const { message, question, onRegenerate } = props;
  const { t } = useI18n();
  const feedback = useAnswerFeedback(message, question);
  const canChange = message.metadata?.mode === 'llm' || message.metadata?.mode === 'fallback';
  return (
    <div className="answer-actions">
      <CopyButton text={copyableAnswer(message, t('answer.copySources'))} />
      <FeedbackControls state={feedback.answerState} onRate={feedback.rate} />
      {onRegenerate && canChange && (
        <button
          type="button"
          className="icon-action"
          aria-label={t('answer.regenerate')}
          title={t('answer.regenerate')}
          onClick={onRegenerate}
        >
          <span aria-hidden="true">↻</span>
        </button>
      )}
    </div>
  );
}

/** One assistant answer: badge, cited Markdown, honest state, quiet actions and details on request. */
export const AnswerTurn = memo(function AnswerTurn(props: AnswerTurnProps) {
  const { message, question, streaming, selected, onRegenerate, onCite, onShowSources } = props;
  const { t } = useI18n();
  const text = messageText(message);
  const citationsData = citationsOf(message);
  const { metadata } = message;
  const cite = useCallback(
    (n: number, spans: TextSpan[]) => onCite(message.id, n, spans),
    [onCite, message.id],
  );
  const notCovered = citationsData?.notCovered ?? metadata?.notCovered ?? false;
  const stopped = isStopped(message);
  const sourceCount = citedSourceCount(message);

  return (
    <article
      aria-label={t('turn.answer')}
      className={`turn answer${selected ? ' is-selected' : ''}`}
      aria-busy={streaming}
      lang={text ? langTag(text) : undefined}
    >
      <h3 className="visually-hidden">{t('turn.answerHeading', { n: props.turn })}</h3>
      <div className="answer-meta">
        {metadata?.mode && (text !== '' || !streaming) && <AnswerBadge metadata={metadata} />}
        {stopped && <span className="badge badge-stopped">{t('answer.stopped')}</span>}
      </div>
      {notCovered && !streaming && (
        <NotCovered nearest={citationsData?.nearest ?? []} onAsk={props.onAsk} onBrowse={props.onBrowse} />
      )}
      {text === '' && streaming ? (
        <PendingNotice hasCitations={citationsData !== undefined && metadata?.mode !== undefined} />
      ) : (
        !notCovered && <AnswerMarkdown text={text} citations={citationsData?.citations ?? []} onCite={cite} />
      )}
      {(metadata?.removedCitations ?? 0) > 0 && (
        <p className="answer-note">{t('answer.removed', { count: metadata?.removedCitations ?? 0 })}</p>
      )}
      {!streaming && sourceCount > 0 && !notCovered && (
        <button type="button" className="text-button sources-link" onClick={() => onShowSources(message.id)}>
          {t('answer.showSources', { count: sourceCount })}
        </button>
      )}
      {!streaming && text !== '' && (
        <AnswerActions message={message} question={question} onRegenerate={onRegenerate} />
      )}
      {!streaming && metadata?.mode && <AnswerFooter metadata={metadata} />}
    </article>
  );
});
