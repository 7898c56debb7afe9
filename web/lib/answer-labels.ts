import type { ChatMetadata, FallbackReason } from '../../server/contract.js';
import type { I18n } from './i18n.js';

type Words = Pick<I18n, 't' | 'formatNumber'>;

export interface AnswerBadgeLabel {
  text: string;
  explanation: string;
  tone: 'search' | 'llm' | 'fallback';
}

/** The per-answer mode badge: what produced this answer, worded in the reader's language. */
export function answerBadgeLabel(metadata: ChatMetadata, { t }: Words): AnswerBadgeLabel {
  if (metadata.mode === 'llm') {
    const model = metadata.model ?? t('mode.unknownModel');
    return { text: t('badge.llm', { model }), explanation: t('badge.llmTitle', { model }), tone: 'llm' };
  }
  if (metadata.mode === 'fallback') {
    const reason = metadata.fallbackReason ?? 'unknown';
    return { text: t('badge.fallback'), explanation: fallbackReasonText(reason, { t }), tone: 'fallback' };
  }
  return { text: t('badge.search'), explanation: t('badge.searchTitle'), tone: 'search' };
}

/** The one plain sentence a reader sees for a fallback; the technical reason goes in its tooltip. */
export function fallbackSentence(reason: FallbackReason | undefined, { t }: Pick<I18n, 't'>): string {
  if (reason === 'no-key') return t('fallback.noKeySentence');
  return reason === 'uncited' ? t('fallback.uncitedSentence') : t('fallback.sentence');
}

export function fallbackReasonText(reason: FallbackReason, { t }: Pick<I18n, 't'>): string {
  return t(`fallback.reason.${reason}`);
}

/** Reasons that mean the model itself is failing (not a missing key): repeated, the header says so. */
export function isModelFault(metadata: ChatMetadata | undefined): boolean {
  return metadata?.mode === 'fallback' && metadata.fallbackReason !== 'no-key';
}

export function formatMs(ms: number, { formatNumber }: Pick<I18n, 'formatNumber'>): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  return `${formatNumber(ms / 1000, { maximumFractionDigits: ms < 10_000 ? 2 : 1 })} s`;
}

/**
 * $0 is shown as $0: a search answer and a free model cost nothing, which is worth saying plainly. The narrow
 * symbol keeps it "$0" in every language (zh would otherwise write "US$0").
 */
export function formatCost(
  costUsd: number | null | undefined,
  mode: ChatMetadata['mode'],
  words: Words,
): string {
  const usd = (value: number, digits: number) =>
    words.formatNumber(value, {
      style: 'currency',
      currency: 'USD',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: digits,
    });
  if (costUsd === null) return words.t('footer.costUnknown');
  if (costUsd === undefined) return mode === 'search' ? usd(0, 0) : words.t('footer.costUnknown');
  if (costUsd === 0) return usd(0, 0);
  if (costUsd < 0.0001) return `< ${usd(0.0001, 4)}`;
  return usd(costUsd, costUsd < 0.01 ? 4 : 3);
}

export function formatTokens(metadata: ChatMetadata, { t, formatNumber }: Words): string {
  if (metadata.mode === 'search') return t('footer.noTokens');
  if (!metadata.usage) return t('footer.tokensUnknown');
  const { inputTokens, outputTokens } = metadata.usage;
  return t('footer.tokens', { input: formatNumber(inputTokens), output: formatNumber(outputTokens) });
}

/** "1.24 s total · first token 310 ms · retrieval 12 ms", omitting what the server did not measure. */
export function formatLatency(metadata: ChatMetadata, words: Words): string {
  const parts: string[] = [];
  if (metadata.totalMs !== undefined)
    parts.push(words.t('footer.total', { time: formatMs(metadata.totalMs, words) }));
  if (metadata.firstTokenMs !== undefined)
    parts.push(words.t('footer.firstToken', { time: formatMs(metadata.firstTokenMs, words) }));
  parts.push(words.t('footer.retrieval', { time: formatMs(metadata.retrievalMs, words) }));
  return parts.join(' · ');
}
