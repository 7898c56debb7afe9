import { memo, useCallback } from 'react';
import type { ChatMessage, TextSpan } from '../../server/contract.js';
import { useAnswerFeedback } from '../hooks/use-feedback.js';
import { citedSourceCount, copyableAnswer } from '../lib/answer-sources.js';
import { citationsOf, messageText, understoodOf } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { isStopped } from '../lib/stopped-answer.js';
import { langTag } from '../lib/text-language.js';
import { ActionIcon } from './action-icon.js';
import { AnswerBadge } from './answer-badge.js';
import { AnswerFooter } from './answer-footer.js';
import { AnswerMarkdown } from './answer-markdown-lazy.js';
import { CopyButton } from './copy-button.js';
import { FeedbackControls } from './feedback-controls.js';
import { NotCovered } from './not-covered.js';
import { UnderstoodQuestion } from './understood-question.js';

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
  onRegenerate?: (() => void) | undefined;
  onCite: (messageId: string, n: number, spans?: TextSpan[]) => void;
  onShowSources: (messageId: string) => void;
  onAsk: (question: string) => void;
  onBrowse: (sectionId: string) => void;
  /** Puts a question in the composer (the understood follow-up, to be corrected). */
  onEdit: (question: string) => void;
}

/**
 * Until the answer's first words arrive the reader is told only that the guide is being searched: the mode
 * and the sources may already be known, but a model that never writes falls back to search, so "writing"
 * would promise what may not come.
 */
function PendingNotice() {
  const { t } = useI18n();
  return (
    <p className="pending" role="status">
      {t('answer.searching')}
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
          <ActionIcon name="regenerate" />
        </button>
      )}
    </div>
  );
}

/** What produced the answer and whether it is whole: stopped by the reader, or cut at the length limit. */
function AnswerMeta({ message, streaming }: { message: ChatMessage; streaming: boolean }) {
  const { t } = useI18n();
  const { metadata } = message;
  const text = messageText(message);
  return (
    <div className="answer-meta">
      {metadata?.mode && (text !== '' || !streaming) && <AnswerBadge metadata={metadata} />}
      {isStopped(message) && <span className="badge badge-stopped">{t('answer.stopped')}</span>}
      {metadata?.truncated && !isStopped(message) && (
        <span className="badge badge-stopped" title={t('badge.truncatedTitle')}>
          {t('badge.truncated')}
        </span>
      )}
    </div>
  );
}

/** The answer's words: a pending notice, the not-covered way forward, or the cited Markdown. */
function AnswerBody(props: AnswerTurnProps) {
  const { message, streaming } = props;
  const text = messageText(message);
  const citationsData = citationsOf(message);
  const notCovered = citationsData?.notCovered ?? message.metadata?.notCovered ?? false;
  const { onCite } = props;
  const cite = useCallback(
    (n: number, spans: TextSpan[]) => onCite(message.id, n, spans),
    [onCite, message.id],
  );
  if (notCovered && !streaming)
    return (
      <NotCovered nearest={citationsData?.nearest ?? []} onAsk={props.onAsk} onBrowse={props.onBrowse} />
    );
  if (text === '' && streaming) return <PendingNotice />;
  if (notCovered) return null;
  // The answer's own language, which may differ from the UI's (a Chinese answer under English chrome).
  return (
    <div lang={langTag(text)}>
      <AnswerMarkdown text={text} citations={citationsData?.citations ?? []} onCite={cite} />
    </div>
  );
}

/** One assistant answer: badge, how a follow-up was understood, cited Markdown, quiet actions, details on request. */
export const AnswerTurn = memo(function AnswerTurn(props: AnswerTurnProps) {
  const { message, question, streaming, selected, onRegenerate, onShowSources } = props;
  const { t } = useI18n();
  const text = messageText(message);
  const { metadata } = message;
  const notCovered = citationsOf(message)?.notCovered ?? metadata?.notCovered ?? false;
  const sourceCount = citedSourceCount(message);
  const understood = understoodOf(message);

  return (
    <article
      aria-label={t('turn.answer')}
      className={`turn answer${selected ? ' is-selected' : ''}`}
      aria-busy={streaming}
    >
      <h3 className="visually-hidden">{t('turn.answerHeading', { n: props.turn })}</h3>
      <AnswerMeta message={message} streaming={streaming} />
      <AnswerBody {...props} />
      {(metadata?.removedCitations ?? 0) > 0 && (
        <p className="answer-note">{t('answer.removed', { count: metadata?.removedCitations ?? 0 })}</p>
      )}
      {understood && <UnderstoodQuestion understood={understood} onEdit={props.onEdit} />}
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
