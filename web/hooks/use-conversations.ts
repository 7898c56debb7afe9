import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import {
  type ConversationSummary,
  deleteConversation,
  loadActiveId,
  loadMessages,
  loadSummaries,
  storeActiveId,
  storeConversation,
} from '../lib/conversation-storage.js';
import { safeStorage } from '../lib/safe-storage.js';

export interface Conversations {
  conversations: ConversationSummary[];
  activeId: string;
  /** The active conversation's messages as stored when it was opened: the chat's initial state. */
  initialMessages: ChatMessage[];
  save: (id: string, messages: ChatMessage[]) => void;
  select: (id: string) => void;
  startNew: () => void;
  remove: (id: string) => void;
}

function newId(): string {
  return crypto.randomUUID();
}

/**
 * Conversations kept in localStorage across reloads. A new chat gets an id at once but joins the
 * list only when its first message is saved, so empty chats never clutter it.
 */
export function useConversations(storageOverride?: Storage): Conversations {
  const storage = storageOverride ?? safeStorage('localStorage');
  const [conversations, setConversations] = useState(() => loadSummaries(storage));
  const [activeId, setActiveId] = useState(() => {
    const stored = loadActiveId(storage);
    return stored && loadSummaries(storage).some((entry) => entry.id === stored) ? stored : newId();
  });
  // Read once per switch: the chat owns its messages afterwards and reports them back through save().
  const initialMessages = useMemo(() => loadMessages(storage, activeId), [storage, activeId]);

  // Remembered as soon as it is active, so a reload reopens the chat being used (once it has messages).
  useEffect(() => storeActiveId(storage, activeId), [storage, activeId]);

  const activate = useCallback((id: string) => setActiveId(id), []);

  // A deleted conversation's chat may still report its messages while unmounting: never resurrect it.
  const deleted = useRef(new Set<string>());

  const save = useCallback(
    (id: string, messages: ChatMessage[]) => {
      if (messages.length === 0 || deleted.current.has(id)) return;
      setConversations(storeConversation(storage, { id, messages, now: new Date() }));
    },
    [storage],
  );

  const startNew = useCallback(() => activate(newId()), [activate]);

  const remove = useCallback(
    (id: string) => {
      deleted.current.add(id);
      setConversations(deleteConversation(storage, id));
      if (id === activeId) activate(newId());
    },
    [storage, activeId, activate],
  );

  return { conversations, activeId, initialMessages, save, select: activate, startNew, remove };
}
