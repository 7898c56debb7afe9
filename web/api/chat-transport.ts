import { DefaultChatTransport } from 'ai';
import type { ChatContext, ChatMessage } from '../../server/contract.js';
import { splitCitations } from '../lib/answer-sources.js';
import { citationsOf, messageText } from '../lib/chat-message.js';

/** Past turns sent as context; the server accepts at most 40 messages. */
const MAX_CONTEXT_MESSAGES = 20;
/** The server's `MAX_CONTEXT_SECTIONS`: more than one answer ever cites. */
const MAX_CONTEXT_SECTIONS = 8;

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

/**
 * The sections the latest answer cited (not those only searched), so a follow-up such as "what about their
 * skills?" resolves to that answer's subject on the server without a model. Empty before the first answer.
 */
export function chatContextOf(messages: ChatMessage[]): ChatContext {
  const previous = messages.findLast((message) => message.role === 'assistant');
  if (!previous) return { sectionIds: [] };
  const { cited } = splitCitations(citationsOf(previous), messageText(previous));
  const ids = [...new Set(cited.map((citation) => citation.id))];
  return { sectionIds: ids.slice(0, MAX_CONTEXT_SECTIONS) };
}

export function createChatTransport(): DefaultChatTransport<ChatMessage> {
  return new DefaultChatTransport<ChatMessage>({
    api: '/api/chat',
    prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({
      // `body` holds per-question fields such as `sectionId` (a question asked from a section).
      body: {
        ...body,
        id,
        messages: toRequestMessages(messages),
        context: chatContextOf(messages),
        trigger,
        messageId,
      },
    }),
  });
}
