import { type FormEvent, useId, useState } from 'react';
import type { FeedbackReason } from '../../server/contract.js';
import type { RatingInput, SubmissionState } from '../hooks/use-feedback.js';
import { FEEDBACK_REASONS } from '../lib/feedback-reasons.js';

interface FeedbackControlsProps {
  state: SubmissionState;
  onRate: (input: RatingInput) => void;
}

function StatusLine({ state }: { state: SubmissionState }) {
  if (state.status === 'sent') return <span>Thanks — feedback sent.</span>;
  if (state.status === 'sending') return <span>Sending feedback…</span>;
  if (state.status === 'error') return <span className="error-text">Feedback not sent: {state.message}</span>;
  return null;
}

/** "Not helpful": which reasons, a comment, and Send feedback. */
function ReasonForm({ locked, onSend }: { locked: boolean; onSend: (input: RatingInput) => void }) {
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
    <form className="feedback-form" onSubmit={submit} aria-label="Why was this not helpful?">
      <fieldset>
        <legend>What was wrong?</legend>
        {FEEDBACK_REASONS.map(({ reason, label }) => (
          <label key={reason} className="checkbox">
            <input
              type="checkbox"
              checked={reasons.includes(reason)}
              onChange={(event) => toggleReason(reason, event.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={commentId}>Comment</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={2000}
        rows={2}
        onChange={(event) => setComment(event.target.value)}
      />
      <button type="submit" className="primary-button" disabled={locked}>
        Send feedback
      </button>
    </form>
  );
}

/** Helpful / Not helpful; "Not helpful" asks why before sending. */
export function FeedbackControls({ state, onRate }: FeedbackControlsProps) {
  const [formOpen, setFormOpen] = useState(false);
  const locked = state.status === 'sending' || state.status === 'sent';
  const rated = (rating: 'up' | 'down') => state.status !== 'idle' && state.rating === rating;

  return (
    <div className="feedback">
      <div className="feedback-buttons">
        <button
          type="button"
          className="text-button"
          aria-pressed={rated('up')}
          disabled={locked}
          onClick={() => {
            setFormOpen(false);
            onRate({ rating: 'up' });
          }}
        >
          Helpful
        </button>
        <button
          type="button"
          className="text-button"
          aria-pressed={formOpen || rated('down')}
          aria-expanded={formOpen}
          disabled={locked}
          onClick={() => setFormOpen((open) => !open)}
        >
          Not helpful
        </button>
        <span role="status" className="action-status">
          <StatusLine state={state} />
        </span>
      </div>
      {formOpen && state.status !== 'sent' && <ReasonForm locked={locked} onSend={onRate} />}
    </div>
  );
}
