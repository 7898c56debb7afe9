import type { ChatMetadata } from '../../server/contract.js';
import { answerBadgeLabel } from '../lib/answer-labels.js';

/** What produced this answer: search, the LLM, or a fallback to search (and then why, in words). */
export function AnswerBadge({ metadata }: { metadata: ChatMetadata }) {
  const label = answerBadgeLabel(metadata);
  return (
    <>
      <span className={`badge badge-${label.tone}`} title={label.explanation}>
        {label.text}
      </span>
      {label.tone === 'fallback' && <span className="fallback-note">{label.explanation}</span>}
    </>
  );
}
