import { STORAGE_PREFIX } from './conversation-storage.js';

/**
 * Which feedback this browser already sent per answer, so a reload still shows "thanks" and never
 * offers to send the same feedback twice. Keys: 'answer' for the rating, 'flag-<n>' for citation flags.
 */
const FEEDBACK_KEY = `${STORAGE_PREFIX}.feedback-sent`;
const MAX_ANSWERS = 500;

type SentRecord = Record<string, Record<string, 'up' | 'down'>>;

function readRecord(storage: Storage): SentRecord {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(FEEDBACK_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as SentRecord)
      : {};
  } catch {
    return {};
  }
}

export function loadSentFeedback(storage: Storage, messageId: string): Record<string, 'up' | 'down'> {
  const entry = readRecord(storage)[messageId];
  return typeof entry === 'object' && entry !== null ? entry : {};
}

export function recordSentFeedback(
  storage: Storage,
  sent: { messageId: string; key: string; rating: 'up' | 'down' },
): void {
  const record = readRecord(storage);
  record[sent.messageId] = { ...record[sent.messageId], [sent.key]: sent.rating };
  const trimmed = Object.fromEntries(Object.entries(record).slice(-MAX_ANSWERS));
  try {
    storage.setItem(FEEDBACK_KEY, JSON.stringify(trimmed));
  } catch {
    // Storage full: the feedback itself was stored by the server; only the "already sent" hint is lost.
  }
}
