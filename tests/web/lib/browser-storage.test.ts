import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadSentFeedback, recordSentFeedback } from '../../../web/lib/feedback-record.js';
import { safeStorage } from '../../../web/lib/safe-storage.js';

afterEach(() => vi.restoreAllMocks());

describe('storage in the browser', () => {
  test('when the browser blocks localStorage, what was saved still reads back for the rest of the visit', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });

    recordSentFeedback(safeStorage('localStorage'), { messageId: 'a1', key: 'answer', rating: 'up' });

    expect(loadSentFeedback(safeStorage('localStorage'), 'a1')).toEqual({ answer: 'up' });
    vi.restoreAllMocks();
    expect(localStorage.getItem('aipm-guide.v1.feedback-sent')).toBeNull();
  });

  test('a hand-edited or foreign "feedback sent" record is read for what is valid in it', () => {
    localStorage.setItem(
      'aipm-guide.v1.feedback-sent',
      JSON.stringify({ a1: { answer: 'down', 'flag-1': 'maybe', 'flag-2': 7 }, a2: 'up', a3: ['up'] }),
    );

    expect(loadSentFeedback(localStorage, 'a1')).toEqual({ answer: 'down' });
    expect(loadSentFeedback(localStorage, 'a2')).toEqual({});
    expect(loadSentFeedback(localStorage, 'a3')).toEqual({});
  });
});
