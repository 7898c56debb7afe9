import { useChat } from '@ai-sdk/react';
import { useCallback } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { createChatTransport } from '../api/chat-transport.js';
import { markStopped } from '../lib/stopped-answer.js';
import { useSaveConversation } from './use-save-conversation.js';

const transport = createChatTransport();

/**
 * One conversation's chat: useChat over /api/chat, saved as turns settle. `ask` clears a previous error
 * before sending; `retry` regenerates the last answer; `stop` ends the answer and marks it incomplete.
 */
export function useConversationChat(options: {
  conversationId: string;
  initialMessages: ChatMessage[];
  onSave: (id: string, messages: ChatMessage[]) => void;
}) {
  const { conversationId, initialMessages, onSave } = options;
  const chat = useChat<ChatMessage>({ id: conversationId, messages: initialMessages, transport });
  const { messages, sendMessage, status, stop: stopChat, regenerate, error, clearError, setMessages } = chat;
  useSaveConversation({ conversationId, initialMessages, messages, status, onSave });
  const ask = useCallback(
    (question: string, sectionId?: string) => {
      clearError();
      sendMessage({ text: question }, sectionId ? { body: { sectionId } } : undefined);
    },
    [clearError, sendMessage],
  );
  const retry = useCallback(() => {
    clearError();
    regenerate();
  }, [clearError, regenerate]);
  // A stopped answer must not look finished: it is marked, saved so, and its feedback says it was cut short.
  const stop = useCallback(async () => {
    await stopChat();
    setMessages((current) => {
      const last = current.at(-1);
      if (last?.role !== 'assistant') return current;
      return [...current.slice(0, -1), markStopped(last)];
    });
  }, [stopChat, setMessages]);
  const busy = status === 'submitted' || status === 'streaming';
  return { messages, busy, error, ask, retry, stop };
}
