import type { ChatMessage } from '../../server/contract.js';

/**
 * Conversations in localStorage: an index of summaries under one key and each conversation's full
 * ChatMessage list (text, data-citations parts, metadata) under its own key, so switching reads one
 * conversation and a corrupt entry costs only itself. Bump the version when the stored shape changes.
 */
export const STORAGE_PREFIX = 'aipm-guide.v1';
const INDEX_KEY = `${STORAGE_PREFIX}.conversations`;
const ACTIVE_KEY = `${STORAGE_PREFIX}.active`;
const MAX_CONVERSATIONS = 50;
const MAX_TITLE_CHARS = 80;

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
}

const messageKey = (id: string) => `${STORAGE_PREFIX}.conversation.${id}`;

function readJson(storage: Storage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isSummary(value: unknown): value is ConversationSummary {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, updatedAt } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof title === 'string' && typeof updatedAt === 'string';
}

function isChatMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, role, parts } = value as Record<string, unknown>;
  const partsValid =
    Array.isArray(parts) &&
    parts.every((part) => typeof part === 'object' && part !== null && 'type' in part);
  return typeof id === 'string' && (role === 'user' || role === 'assistant') && partsValid;
}

export function loadSummaries(storage: Storage): ConversationSummary[] {
  const stored = readJson(storage, INDEX_KEY);
  return Array.isArray(stored) ? stored.filter(isSummary) : [];
}

/** The stored messages; a missing or corrupt conversation reads as empty rather than breaking the app. */
export function loadMessages(storage: Storage, id: string): ChatMessage[] {
  const stored = readJson(storage, messageKey(id));
  return Array.isArray(stored) ? stored.filter(isChatMessage) : [];
}

export function loadActiveId(storage: Storage): string | null {
  const stored = storage.getItem(ACTIVE_KEY);
  return stored && stored.length <= 200 ? stored : null;
}

export function storeActiveId(storage: Storage, id: string): void {
  trySetItem(storage, ACTIVE_KEY, id);
}

export function titleFor(messages: ChatMessage[]): string {
  const firstQuestion = messages.find((message) => message.role === 'user');
  const text = firstQuestion?.parts.map((part) => (part.type === 'text' ? part.text : '')).join(' ') ?? '';
  const title = text.replace(/\s+/g, ' ').trim();
  if (title === '') return 'New conversation';
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

function trySetItem(storage: Storage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves a conversation and moves it to the top of the index. When storage is full the oldest
 * conversations are dropped until it fits; returns the new index (unchanged when nothing fits).
 */
export function storeConversation(
  storage: Storage,
  conversation: { id: string; messages: ChatMessage[]; now: Date },
): ConversationSummary[] {
  const summary: ConversationSummary = {
    id: conversation.id,
    title: titleFor(conversation.messages),
    updatedAt: conversation.now.toISOString(),
  };
  let summaries = [summary, ...loadSummaries(storage).filter((entry) => entry.id !== conversation.id)];
  for (const dropped of summaries.slice(MAX_CONVERSATIONS)) storage.removeItem(messageKey(dropped.id));
  summaries = summaries.slice(0, MAX_CONVERSATIONS);
  const serialized = JSON.stringify(conversation.messages);
  while (!trySetItem(storage, messageKey(conversation.id), serialized)) {
    const oldest = summaries.length > 1 ? summaries.pop() : undefined;
    if (!oldest) return loadSummaries(storage);
    storage.removeItem(messageKey(oldest.id));
  }
  trySetItem(storage, INDEX_KEY, JSON.stringify(summaries));
  return summaries;
}

export function deleteConversation(storage: Storage, id: string): ConversationSummary[] {
  storage.removeItem(messageKey(id));
  const summaries = loadSummaries(storage).filter((entry) => entry.id !== id);
  trySetItem(storage, INDEX_KEY, JSON.stringify(summaries));
  return summaries;
}
