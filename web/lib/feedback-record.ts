import { STORAGE_PREFIX } from './conversation-storage.js';

/**
 * Which feedback this browser already sent per answer, so a reload still shows "thanks" and never
 * offers to send the same feedback twice. Keys: 'answer' for the rating, 'flag-<n>' for citation flags.
 */
const FEEDBACK_KEY = `${STORAGE_PREFIX}.feedback-sent`;
const MAX_ANSWERS = 500;

type Rating = 'up' | 'down';
type SentRecord = Record<string, Record<string, Rating>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored ratings of one answer; anything else another version or a hand edit left there is dropped. */
function ratingsOf(value: unknown): Record<string, Rating> {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, Rating] => entry[1] === 'up' || entry[1] === 'down',
    ),
  );
}

function readRecord(storage: Storage): SentRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(FEEDBACK_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (!isPlainObject(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).map(([messageId, ratings]) => [messageId, ratingsOf(ratings)]),
  );
}

export function loadSentFeedback(storage: Storage, messageId: string): Record<string, Rating> {
  return readRecord(storage)[messageId] ?? {};
}

export function recordSentFeedback(
  storage: Storage,
  sent: { messageId: string; key: string; rating: Rating },
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

const FEEDBACK_IDS_KEY = `${STORAGE_PREFIX}.feedback-ids`;

function readIds(storage: Storage): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(FEEDBACK_IDS_KEY) ?? '{}');
    if (!isPlainObject(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * The one feedback id of an answer's rating, kept across reloads: the server stores one rating per id, so
 * posting it again with another rating changes that answer's rating instead of adding a second one.
 */
export function answerFeedbackId(storage: Storage, messageId: string): string {
  const ids = readIds(storage);
  const known = ids[messageId];
  if (known) return known;
  const id = crypto.randomUUID();
  ids[messageId] = id;
  const trimmed = Object.fromEntries(Object.entries(ids).slice(-MAX_ANSWERS));
  try {
    storage.setItem(FEEDBACK_IDS_KEY, JSON.stringify(trimmed));
  } catch {
    // Storage full: the open page keeps reusing the id it was given; only after a reload is it forgotten.
  }
  return id;
}
