import type { ChatMetadata, FallbackReason } from '../../server/contract.js';

const FALLBACK_EXPLANATIONS: Record<FallbackReason, string> = {
  'no-key': 'No LLM API key is configured, so this answer was extracted from the guide by search.',
  auth: 'The LLM provider rejected the API key; this answer was extracted from the guide by search instead.',
  'rate-limit':
    'The LLM provider is rate-limiting requests; this answer was extracted from the guide by search.',
  'server-error':
    'The LLM provider returned a server error; this answer was extracted from the guide by search.',
  network: 'The LLM provider could not be reached; this answer was extracted from the guide by search.',
  timeout: 'The LLM took too long to answer; this answer was extracted from the guide by search.',
  'stream-cut': 'The LLM stopped mid-answer; this answer was extracted from the guide by search instead.',
  empty: 'The LLM returned an empty or uncited answer; this answer was extracted from the guide by search.',
  unknown: 'The LLM failed unexpectedly; this answer was extracted from the guide by search.',
  uncited:
    "The LLM's answer cited none of the guide's sections, so it is unsupported; the answer extracted by search follows it.",
  'prompt-leak':
    "The LLM's answer began repeating its instructions and was withheld; this answer was extracted from the guide by search.",
};

export interface AnswerBadgeLabel {
  text: string;
  explanation: string;
  tone: 'search' | 'llm' | 'fallback';
}

/** The per-answer mode badge: what produced this answer and, for a fallback, why. */
export function answerBadgeLabel(metadata: ChatMetadata): AnswerBadgeLabel {
  if (metadata.mode === 'llm') {
    const model = metadata.model ?? 'unknown model';
    return {
      text: `LLM · ${model}`,
      explanation: `Written by ${model} from the cited sections.${metadata.truncated ? ' Cut short at the length limit.' : ''}`,
      tone: 'llm',
    };
  }
  if (metadata.mode === 'fallback') {
    const reason = metadata.fallbackReason ?? 'unknown';
    return { text: `Fallback: ${reason}`, explanation: FALLBACK_EXPLANATIONS[reason], tone: 'fallback' };
  }
  return {
    text: 'Search',
    explanation: 'Extracted from the guide by search: the sentences are quoted from the cited sections.',
    tone: 'search',
  };
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCost(costUsd: number | null | undefined, mode: ChatMetadata['mode']): string {
  if (costUsd === null) return 'cost unknown';
  if (costUsd === undefined) return mode === 'search' ? '$0' : 'cost unknown';
  if (costUsd === 0) return '$0';
  if (costUsd < 0.0001) return '< $0.0001';
  return `$${costUsd.toFixed(costUsd < 0.01 ? 4 : 3)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatTokens(metadata: ChatMetadata): string {
  if (metadata.mode === 'search') return 'no LLM tokens';
  if (!metadata.usage) return 'tokens unknown';
  const { inputTokens, outputTokens } = metadata.usage;
  return `${numberFormat.format(inputTokens)} in / ${numberFormat.format(outputTokens)} out tokens`;
}

/** "1.24 s total · first token 310 ms · retrieval 12 ms", omitting what the server did not measure. */
export function formatLatency(metadata: ChatMetadata): string {
  const parts: string[] = [];
  if (metadata.totalMs !== undefined) parts.push(`${formatMs(metadata.totalMs)} total`);
  if (metadata.firstTokenMs !== undefined) parts.push(`first token ${formatMs(metadata.firstTokenMs)}`);
  parts.push(`retrieval ${formatMs(metadata.retrievalMs)}`);
  return parts.join(' · ');
}
