import {
  MAX_CHAT_MESSAGES,
  MAX_CONVERSATION_CHARS,
  MAX_HISTORY_MESSAGE_CHARS,
  MAX_MESSAGE_CHARS,
} from '../contract.js';
import { AppError } from '../errors.js';

/** One message as the limits see it: who wrote it and all of its text. */
export interface MessageSize {
  role: string;
  text: string;
}

/**
 * A user turn was a question once, so it is held to the question's cap; other turns (earlier answers with
 * their Sources list, a client's system prompt) may be longer.
 */
function charsAllowed(role: string): number {
  return role === 'user' ? MAX_MESSAGE_CHARS : MAX_HISTORY_MESSAGE_CHARS;
}

/**
 * Refuses a conversation whose text would make the server's work large: too many messages, one message
 * too long, or too much text altogether. Every channel (/api/chat, /v1) checks this before any retrieval,
 * because earlier turns feed follow-up condensation as much as the question feeds the search.
 */
export function checkConversationSize(messages: MessageSize[]): void {
  if (messages.length > MAX_CHAT_MESSAGES) {
    throw new AppError('bad_request', `A conversation may have at most ${MAX_CHAT_MESSAGES} messages`);
  }
  let total = 0;
  for (const [index, message] of messages.entries()) {
    const allowed = charsAllowed(message.role);
    if (message.text.length > allowed) {
      throw new AppError(
        'bad_request',
        `Message ${index + 1} (${message.role}) has ${message.text.length} characters; at most ${allowed} are allowed`,
      );
    }
    total += message.text.length;
  }
  if (total > MAX_CONVERSATION_CHARS) {
    throw new AppError(
      'bad_request',
      `The conversation has ${total} characters of text; at most ${MAX_CONVERSATION_CHARS} are allowed`,
    );
  }
}
