import type { ChatMetadata } from '../../server/contract.js';
import { answerBadgeLabel, fallbackReasonText, fallbackSentence } from '../lib/answer-labels.js';
import { useI18n } from '../lib/i18n.js';

/** What produced this answer: search or the LLM; a fallback says so in one plain sentence, the reason in its tooltip. */
export function AnswerBadge({ metadata }: { metadata: ChatMetadata }) {
  const i18n = useI18n();
  const label = answerBadgeLabel(metadata, i18n);
  return (
    <>
      <span className={`badge badge-${label.tone}`} title={label.explanation}>
        {label.text}
      </span>
      {label.tone === 'fallback' && (
        <span
          className="fallback-note"
          title={fallbackReasonText(metadata.fallbackReason ?? 'unknown', i18n)}
        >
          {fallbackSentence(metadata.fallbackReason, i18n)}
        </span>
      )}
    </>
  );
}
