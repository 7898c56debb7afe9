import type { ModelPrice } from '../config.js';
import type { TokenUsage } from '../contract.js';

/**
 * List prices in USD per one million tokens (input / output, uncached), as published by the providers in
 * 2025. They drift: `LLM_PRICES` overrides or extends this table without a release.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'deepseek-chat': { input: 0.28, output: 0.42 },
  'deepseek-reasoner': { input: 0.28, output: 0.42 },
  'qwen-turbo': { input: 0.05, output: 0.2 },
  'qwen-plus': { input: 0.4, output: 1.2 },
  'qwen-max': { input: 1.6, output: 6.4 },
  'moonshot-v1-8k': { input: 0.2, output: 2 },
  'moonshot-v1-32k': { input: 1, output: 3 },
  'moonshot-v1-128k': { input: 2, output: 5 },
  'kimi-k2-0905-preview': { input: 0.6, output: 2.5 },
};

/** Dated snapshots and aliases cost what their base model costs: gpt-4o-mini-2024-07-18 → gpt-4o-mini. */
const SNAPSHOT_SUFFIX = /^-(?:\d{4}-\d{2}-\d{2}|\d{4}|latest)$/;

function lookup(model: string, table: Readonly<Record<string, ModelPrice>>): ModelPrice | undefined {
  const exact = table[model] ?? table[model.toLowerCase()];
  if (exact) return exact;
  const name = model.toLowerCase();
  const base = Object.keys(table)
    .filter((key) => name.startsWith(key.toLowerCase()) && SNAPSHOT_SUFFIX.test(name.slice(key.length)))
    .sort((left, right) => right.length - left.length)[0];
  return base === undefined ? undefined : table[base];
}

/** The price of a model: configured overrides first, then the built-in table; undefined when unknown. */
export function priceFor(model: string, overrides: Record<string, ModelPrice> = {}): ModelPrice | undefined {
  return lookup(model, overrides) ?? lookup(model, BUILT_IN_PRICES);
}

/**
 * What a call cost in USD, or null when the model's price is unknown (never a misleading 0) — except that a
 * call that used no tokens cost nothing at any price.
 */
export function costUsd(
  model: string,
  usage: TokenUsage,
  overrides: Record<string, ModelPrice> = {},
): number | null {
  if (usage.inputTokens === 0 && usage.outputTokens === 0) return 0;
  const price = priceFor(model, overrides);
  if (!price) return null;
  const cost = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
  return Math.round(cost * 1e8) / 1e8;
}
