import { type FormEvent, useId, useState } from 'react';
import type { FeedbackReason } from '../../server/contract.js';
import type { RatingInput, SubmissionState } from '../hooks/use-feedback.js';

const REASON_LABELS: Array<{ reason: FeedbackReason; label: string }> = [
  { reason: 'wrong', label: 'Wrong' },
  { reason: 'unsupported', label: 'Not supported by its citation' },
  { reason: 'missing', label: 'Missing information' },
  { reason: 'off-topic', label: 'Off-topic' },
  { reason: 'outdated', label: 'Outdated' },
  { reason: 'other', label: 'Other' },
];

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

/** Helpful / Not helpful; "Not helpful" asks why before sending. */
export function FeedbackControls({ state, onRate }: FeedbackControlsProps) {
  const [formOpen, setFormOpen] = useState(false);
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const locked = state.status === 'sending' || state.status === 'sent';

  const toggleReason = (reason: FeedbackReason, checked: boolean) =>
    setReasons((current) => (checked ? [...current, reason] : current.filter((entry) => entry !== reason)));

  const sendDown = (event: FormEvent) => {
    event.preventDefault();
    onRate({ rating: 'down', reasons, comment });
  };

  return (
    <div className="feedback">
      <div className="feedback-buttons">
        <button
          type="button"
          className="text-button"
          aria-pressed={state.status !== 'idle' && state.rating === 'up'}
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
          aria-pressed={formOpen || (state.status !== 'idle' && state.rating === 'down')}
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
      {formOpen && state.status !== 'sent' && (
        <form className="feedback-form" onSubmit={sendDown} aria-label="Why was this not helpful?">
          <fieldset>
            <legend>What was wrong?</legend>
            {REASON_LABELS.map(({ reason, label }) => (
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
      )}
    </div>
  );
}
