import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../server/answer/retry-policy.js';
import { apiCallError } from './fixtures/api-errors.js';

/** A 429 asking the client to wait as the headers say. */
const rateLimited = (headers: Record<string, string>) => apiCallError(429, { responseHeaders: headers });

const ROOMY = { attempt: 0, maxRetries: 1, leftMs: 60_000 };

describe('deciding whether to retry a failed model call', () => {
  it('backs off 2 s, then 4 s, when the provider names no wait', () => {
    expect(retryDelayMs(apiCallError(500), ROOMY)).toBe(2_000);
    expect(retryDelayMs(apiCallError(500), { ...ROOMY, attempt: 1, maxRetries: 2 })).toBe(4_000);
  });

  it('honours retry-after-ms, retry-after in seconds and retry-after as a date', () => {
    expect(retryDelayMs(rateLimited({ 'retry-after-ms': '150' }), ROOMY)).toBe(150);
    expect(retryDelayMs(rateLimited({ 'retry-after': '3' }), ROOMY)).toBe(3_000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryDelayMs(rateLimited({ 'retry-after': inTenSeconds }), ROOMY)).toBeGreaterThan(5_000);
  });

  it('does not retry what retrying cannot fix, nor past the budget or the first-token deadline', () => {
    expect(retryDelayMs(apiCallError(401), ROOMY)).toBeUndefined();
    expect(retryDelayMs(new Error('boom'), ROOMY)).toBeUndefined();
    expect(retryDelayMs(apiCallError(500), { ...ROOMY, maxRetries: 0 })).toBeUndefined();
    expect(retryDelayMs(apiCallError(500), { ...ROOMY, leftMs: 1_500 })).toBeUndefined();
    expect(
      retryDelayMs(rateLimited({ 'retry-after': '30' }), {
        ...ROOMY,
        leftMs: 15_000,
      }),
    ).toBeUndefined();
  });
});
