import { DefaultChatTransport } from 'ai';
import type { ChatMessage } from '../../server/contract.js';

/** Past turns sent as context; the server accepts at most 40 messages. */
const MAX_CONTEXT_MESSAGES = 20;

/**
 * What the server needs from history: only text parts feed retrieval and the prompt, so citation data
 * parts (the bulk of a stored answer) stay in the browser and requests stay small.
 */
export function toRequestMessages(messages: ChatMessage[]): ChatMessage[] {
  let recent = messages.slice(-MAX_CONTEXT_MESSAGES);
  while (recent.length > 1 && recent[0]?.role !== 'user') recent = recent.slice(1);
  return recent.map((message) => ({
    id: message.id,
    role: message.role,
    parts: message.parts.filter((part) => part.type === 'text'),
  }));
}

export function createChatTransport(): DefaultChatTransport<ChatMessage> {
  return new DefaultChatTransport<ChatMessage>({
    api: '/api/chat',
    prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({
      // `body` holds per-question fields such as `sectionId` (a question asked from a section).
      body: { ...body, id, messages: toRequestMessages(messages), trigger, messageId },
    }),
  });
}
