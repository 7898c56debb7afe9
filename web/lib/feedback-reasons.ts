import type { FeedbackReason } from '../../server/contract.js';

/** Why an answer was not helpful, in the order the feedback form offers them. */
export const FEEDBACK_REASONS: ReadonlyArray<{ reason: FeedbackReason; label: string }> = [
  { reason: 'wrong', label: 'Wrong' },
  { reason: 'unsupported', label: 'Not supported by its citation' },
  { reason: 'missing', label: 'Missing information' },
  { reason: 'off-topic', label: 'Off-topic' },
  { reason: 'outdated', label: 'Outdated' },
  { reason: 'other', label: 'Other' },
];

/** The words the form used for a reason, so insights read the way users were asked. */
export function reasonLabel(reason: FeedbackReason): string {
  return FEEDBACK_REASONS.find((entry) => entry.reason === reason)?.label ?? reason;
}
