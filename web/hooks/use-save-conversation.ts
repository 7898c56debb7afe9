import type { ChatStatus } from 'ai';
import { useCallback, useEffect, useRef } from 'react';
import type { ChatMessage } from '../../server/contract.js';
import { isStopped } from '../lib/stopped-answer.js';

function signatureOf(messages: ChatMessage[]): string {
  return messages
    .map(
      (message) =>
        `${message.id}:${message.parts.length}:${message.metadata ? 1 : 0}:${isStopped(message) ? 1 : 0}`,
    )
    .join('|');
}

/**
 * Saves the conversation whenever a turn settles (not per streamed token) and once more on leaving
 * mid-answer. An unchanged conversation is not re-saved, so merely opening it keeps its place in the list.
 */
export function useSaveConversation(options: {
  conversationId: string;
  initialMessages: ChatMessage[];
  messages: ChatMessage[];
  status: ChatStatus;
  onSave: (id: string, messages: ChatMessage[]) => void;
}): void {
  const { conversationId, initialMessages, messages, status, onSave } = options;
  const latest = useRef(messages);
  latest.current = messages;
  const savedSignature = useRef(signatureOf(initialMessages));

  const saveIfChanged = useCallback(() => {
    const signature = signatureOf(latest.current);
    if (signature === savedSignature.current) return;
    savedSignature.current = signature;
    onSave(conversationId, latest.current);
  }, [conversationId, onSave]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: saveIfChanged reads the latest messages from a ref.
  useEffect(() => {
    if (status !== 'streaming') saveIfChanged();
  }, [messages, status, saveIfChanged]);
  useEffect(() => saveIfChanged, [saveIfChanged]);
}
