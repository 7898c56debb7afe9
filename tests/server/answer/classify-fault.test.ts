import { APICallError, RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { classifyError, classifyFault } from '../../../server/answer/classify-fault.js';

function apiError(statusCode: number | undefined, responseBody = '', cause?: unknown) {
  return new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://llm.test/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseBody,
    cause,
  });
}

describe('classifying model faults', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [429, 'rate-limit'],
    [500, 'server-error'],
    [503, 'server-error'],
    [404, 'unknown'],
  ] as const)('HTTP %i → %s', (status, reason) => {
    expect(classifyError(apiError(status))).toBe(reason);
  });

  it('a 401 about a missing key is no-key', () => {
    expect(classifyError(apiError(401, '{"error":{"message":"You didn\'t provide an API key."}}'))).toBe(
      'no-key',
    );
  });

  it('a RetryError is judged by its last attempt', () => {
    const retry = new RetryError({
      message: 'failed',
      reason: 'maxRetriesExceeded',
      errors: [apiError(500), apiError(429)],
    });
    expect(classifyError(retry)).toBe('rate-limit');
  });

  it('connection failures are network; a reset under a started response is a stream cut', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyError(new TypeError('fetch failed', { cause: refused }))).toBe('network');
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(classifyError(apiError(200, '', new TypeError('terminated', { cause: reset })))).toBe(
      'stream-cut',
    );
  });

  it('our own timer wins over a bare abort, but a real cause wins over the timer', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(classifyFault({ error: abort, timedOut: 'first-token', producedText: false })).toBe('timeout');
    expect(classifyFault({ timedOut: 'total', producedText: true })).toBe('timeout');
    expect(classifyFault({ error: apiError(429), timedOut: 'first-token', producedText: false })).toBe(
      'rate-limit',
    );
  });

  it('an interrupted body is a stream cut, no text is empty, a clean finish is no fault', () => {
    expect(classifyFault({ finishReason: 'interrupted', producedText: true })).toBe('stream-cut');
    expect(classifyFault({ finishReason: 'stop', producedText: false })).toBe('empty');
    expect(classifyFault({ finishReason: 'stop', producedText: true })).toBeNull();
  });
});
