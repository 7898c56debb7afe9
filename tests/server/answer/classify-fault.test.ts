import { describe, expect, it } from 'vitest';
import { classifyError, classifyFault } from '../../../server/answer/classify-fault.js';
import { apiCallError } from './fixtures/api-errors.js';

describe('classifying model faults', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [429, 'rate-limit'],
    [500, 'server-error'],
    [503, 'server-error'],
    [404, 'unknown'],
  ] as const)('HTTP %i → %s', (status, reason) => {
    expect(classifyError(apiCallError(status))).toBe(reason);
  });

  it('a 401 about a missing key is no-key', () => {
    expect(
      classifyError(
        apiCallError(401, { responseBody: '{"error":{"message":"You didn\'t provide an API key."}}' }),
      ),
    ).toBe('no-key');
  });

  it('connection failures are network; a reset under a started response is a stream cut', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyError(new TypeError('fetch failed', { cause: refused }))).toBe('network');
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(classifyError(apiCallError(200, { cause: new TypeError('terminated', { cause: reset }) }))).toBe(
      'stream-cut',
    );
  });

  it('our own timer wins over a bare abort, but a real cause wins over the timer', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(classifyFault({ error: abort, timedOut: 'first-token', producedText: false })).toBe('timeout');
    expect(classifyFault({ timedOut: 'total', producedText: true })).toBe('timeout');
    expect(classifyFault({ error: apiCallError(429), timedOut: 'first-token', producedText: false })).toBe(
      'rate-limit',
    );
  });

  it('an interrupted body is a stream cut, no text is empty, a clean finish is no fault', () => {
    expect(classifyFault({ finishReason: 'interrupted', producedText: true })).toBe('stream-cut');
    expect(classifyFault({ finishReason: 'stop', producedText: false })).toBe('empty');
    expect(classifyFault({ finishReason: 'stop', producedText: true })).toBeNull();
  });
});
