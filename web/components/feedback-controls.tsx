import { type FormEvent, useId, useState } from 'react';
import type { FeedbackReason } from '../../server/contract.js';
import type { RatingInput, SubmissionState } from '../hooks/use-feedback.js';
import { useI18n } from '../lib/i18n.js';
import { ActionIcon } from './action-icon.js';

/** Why an answer was not helpful, in the order the form offers them; their words are the catalogs' `reason.*`. */
const FEEDBACK_REASONS: readonly FeedbackReason[] = [
  'wrong',
  'unsupported',
  'missing',
  'off-topic',
  'outdated',
  'other',
];

interface FeedbackControlsProps {
  state: SubmissionState;
  onRate: (input: RatingInput) => void;
}

function StatusLine({ state }: { state: SubmissionState }) {
  const { t } = useI18n();
  if (state.status === 'sent') return <span>{t('feedback.sent')}</span>;
  if (state.status === 'sending') return <span>{t('feedback.sending')}</span>;
  if (state.status === 'error')
    return (
      <span className="error-text">
        {t('feedback.error', { message: state.message || t('feedback.failed') })}
      </span>
    );
  return null;
}

/** "Not helpful": which reasons, a comment, and Send feedback. */
function ReasonForm({ locked, onSend }: { locked: boolean; onSend: (input: RatingInput) => void }) {
  const { t } = useI18n();
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const toggleReason = (reason: FeedbackReason, checked: boolean) =>
    setReasons((current) => (checked ? [...current, reason] : current.filter((entry) => entry !== reason)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSend({ rating: 'down', reasons, comment });
  };
  return (
    <form className="feedback-form" onSubmit={submit} aria-label={t('feedback.formLabel')}>
      <fieldset>
        <legend>{t('feedback.legend')}</legend>
        {FEEDBACK_REASONS.map((reason) => (
          <label key={reason} className="checkbox">
            <input
              type="checkbox"
              checked={reasons.includes(reason)}
              onChange={(event) => toggleReason(reason, event.target.checked)}
            />
            {t(`reason.${reason}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={commentId}>{t('feedback.comment')}</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={2000}
        rows={2}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="submit" className="primary-button" disabled={locked}>
        {t('feedback.send')}
      </button>
    </form>
  );
}

/** 👍 / 👎 as quiet icon buttons; 👎 asks why before sending. A sent rating can be changed (same answer id). */
export function FeedbackControls({ state, onRate }: FeedbackControlsProps) {
  const { t } = useI18n();
  const [formOpen, setFormOpen] = useState(false);
  const sending = state.status === 'sending';
  const rated = (rating: 'up' | 'down') => state.status !== 'idle' && state.rating === rating;

  return (
    <>
      <button
        type="button"
        className="icon-action"
        aria-label={t('answer.helpful')}
        title={t('answer.helpful')}
        aria-pressed={rated('up')}
        disabled={sending}
        onClick={() => {
          setFormOpen(false);
          onRate({ rating: 'up' });
        }}
      >
        <ActionIcon name="up" />
      </button>
      <button
        type="button"
        className="icon-action"
        aria-label={t('answer.notHelpful')}
        title={t('answer.notHelpful')}
        aria-pressed={formOpen || rated('down')}
        aria-expanded={formOpen}
        disabled={sending}
        onClick={() => setFormOpen((open) => !open)}
      >
        <ActionIcon name="down" />
      </button>
      <span role="status" className="action-status">
        <StatusLine state={state} />
      </span>
      {formOpen && (
        <ReasonForm
          locked={sending}
          onSend={(input) => {
            setFormOpen(false);
            onRate(input);
          }}
        />
      )}
    </>
  );
}
