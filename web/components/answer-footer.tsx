import type { ChatMetadata } from '../../server/contract.js';
import { formatCost, formatLatency, formatTokens } from '../lib/answer-labels.js';

/** Latency, tokens and cost of one answer, as measured by the server. */
export function AnswerFooter({ metadata }: { metadata: ChatMetadata }) {
  return (
    <p className="answer-footer">
      <span title="Total time · time to first token · retrieval time">{formatLatency(metadata)}</span>
      <span aria-hidden="true"> · </span>
      <span>{formatTokens(metadata)}</span>
      <span aria-hidden="true"> · </span>
      <span>{formatCost(metadata.costUsd, metadata.mode)}</span>
    </p>
  );
}
