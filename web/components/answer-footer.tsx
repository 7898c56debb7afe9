import type { ChatMetadata } from '../../server/contract.js';
import { formatCost, formatLatency, formatTokens } from '../lib/answer-labels.js';
import { useI18n } from '../lib/i18n.js';

/** Latency, tokens and cost of one answer, as measured by the server: behind a toggle, for who asks. */
export function AnswerFooter({ metadata }: { metadata: ChatMetadata }) {
  const i18n = useI18n();
  return (
    <details className="answer-details">
      <summary>{i18n.t('answer.details')}</summary>
      <p className="answer-footer">
        <span title={i18n.t('footer.timesTitle')}>{formatLatency(metadata, i18n)}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatTokens(metadata, i18n)}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatCost(metadata.costUsd, metadata.mode, i18n)}</span>
      </p>
    </details>
  );
}
