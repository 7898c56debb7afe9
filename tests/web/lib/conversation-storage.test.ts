import { describe, expect, test } from 'vitest';
import { toRequestMessages } from '../../../web/api/chat-transport.js';
import {
  loadMessages,
  loadSummaries,
  storeConversation,
  titleFor,
} from '../../../web/lib/conversation-storage.js';
import { assistantMessage, citationsData, makeCitation, userMessage } from '../fixtures.js';

/** A Storage that refuses writes beyond `capacity` characters, like a full localStorage. */
function limitedStorage(capacity: number): Storage {
  const items = new Map<string, string>();
  const used = () => [...items.values()].reduce((total, value) => total + value.length, 0);
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      if (used() - (items.get(key)?.length ?? 0) + value.length > capacity)
        throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

const turn = (n: number) => [
  userMessage(`q${n}`, `问题 ${n}`),
  assistantMessage(`a${n}`, { text: `回答 [1]`, citations: citationsData([makeCitation({ n: 1 })]) }),
];

describe('conversation storage', () => {
  test('when storage is full the oldest conversations make room for the newest', () => {
    const size = JSON.stringify(turn(1)).length;
    const storage = limitedStorage(size * 2 + 600);
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));

    storeConversation(storage, { id: 'c1', messages: turn(1), now: at(1) });
    storeConversation(storage, { id: 'c2', messages: turn(2), now: at(2) });
    const summaries = storeConversation(storage, { id: 'c3', messages: turn(3), now: at(3) });

    expect(summaries.map((entry) => entry.id)).toEqual(['c3', 'c2']);
    expect(loadMessages(storage, 'c3')).toEqual(turn(3));
    expect(loadMessages(storage, 'c1')).toEqual([]);
  });

  test('entries that are not conversations are skipped when reading', () => {
    const storage = limitedStorage(10_000);
    storage.setItem(
      'aipm-guide.v1.conversations',
      JSON.stringify([{ id: 'ok', title: 'T', updatedAt: 'x' }, 42, null]),
    );
    storage.setItem(
      'aipm-guide.v1.conversation.ok',
      JSON.stringify([turn(1)[0], { role: 'assistant' }, 'junk']),
    );

    expect(loadSummaries(storage).map((entry) => entry.id)).toEqual(['ok']);
    expect(loadMessages(storage, 'ok')).toEqual([turn(1)[0]]);
  });

  test('the title is the first question, shortened', () => {
    expect(titleFor([userMessage('q', `  ${'长'.repeat(100)}  `)])).toHaveLength(80);
    expect(titleFor([])).toBe('New conversation');
  });

  test('requests carry recent text only, starting with a question', () => {
    const history = [...turn(1), ...turn(2), ...turn(3)];
    const sent = toRequestMessages(history);

    expect(sent).toHaveLength(6);
    expect(sent.flatMap((message) => message.parts.map((part) => part.type))).toEqual(Array(6).fill('text'));
    const long = Array.from({ length: 15 }, (_, index) => turn(index)).flat();
    const trimmed = toRequestMessages(long);
    expect(trimmed.length).toBeLessThanOrEqual(20);
    expect(trimmed[0]?.role).toBe('user');
  });
});
