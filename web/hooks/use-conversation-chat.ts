import { useChat } from '@ai-sdk/react';
import { useCallback } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { createChatTransport } from '../api/chat-transport.js';
import { useSaveConversation } from './use-save-conversation.js';

const transport = createChatTransport();

/**
 * One conversation's chat: useChat over /api/chat, saved as turns settle. `ask` clears a previous error
 * before sending; `retry` regenerates the last answer.
 */
export function useConversationChat(options: {
  conversationId: string;
  initialMessages: ChatMessage[];
  onSave: (id: string, messages: ChatMessage[]) => void;
}) {
  const { conversationId, initialMessages, onSave } = options;
  const { messages, sendMessage, status, stop, regenerate, error, clearError } = useChat<ChatMessage>({
    id: conversationId,
    messages: initialMessages,
    transport,
  });
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
  const busy = status === 'submitted' || status === 'streaming';
  return { messages, busy, error, ask, retry, stop };
}
