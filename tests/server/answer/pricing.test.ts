import { describe, expect, it } from 'vitest';
import { costUsd, priceFor } from '../../../server/answer/pricing.js';

describe('pricing', () => {
  it('prices a known model from the built-in table, in USD per million tokens', () => {
    expect(costUsd('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(0.75, 10);
    expect(costUsd('deepseek-chat', { inputTokens: 2000, outputTokens: 500 })).toBeGreaterThan(0);
  });

  it('prices dated snapshots like their base model but not lookalikes', () => {
    expect(priceFor('gpt-4o-mini-2024-07-18')).toEqual(priceFor('gpt-4o-mini'));
    expect(priceFor('gpt-4o-audio-preview')).toBeUndefined();
  });

  it('lets configured prices override and extend the table', () => {
    const prices = { 'gpt-4o-mini': { input: 1, output: 2 }, 'my-local-llama': { input: 0, output: 0 } };
    expect(costUsd('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 0 }, prices)).toBe(1);
    expect(costUsd('my-local-llama', { inputTokens: 5000, outputTokens: 5000 }, prices)).toBe(0);
  });

  it('reports an unknown model as null, never as free', () => {
    expect(costUsd('mystery-model', { inputTokens: 1000, outputTokens: 1000 })).toBeNull();
  });

  it('says a call that used no tokens cost nothing, even for a model without a price', () => {
    expect(costUsd('mystery-model', { inputTokens: 0, outputTokens: 0 })).toBe(0);
  });
});
