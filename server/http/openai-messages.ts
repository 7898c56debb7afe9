import { type ChatMessage, MAX_MESSAGE_CHARS, type OpenAiMessage } from '../contract.js';
import { AppError } from '../errors.js';
import { plainAnswerText } from './cited-markdown.js';
import { checkConversationSize } from './conversation-limits.js';

/** The text of an OpenAI message: a string, or its text parts joined (images, audio and files are ignored). */
function contentText(content: OpenAiMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .flatMap((part) => (part.type === 'text' && typeof part.text === 'string' ? [part.text] : []))
    .join('\n');
}

/**
 * OpenAI-style messages as the conversation the answer layer reads. Only user and assistant text is kept:
 * a client's system or developer prompt never reaches retrieval or the model (the answer's instructions are
 * the server's own), and tool messages have nothing to say to a corpus search. Earlier answers of ours lose
 * their links and Sources list again, so follow-up condensation reads them as the web UI's history reads.
 */
export function toChatMessages(messages: OpenAiMessage[]): ChatMessage[] {
  checkConversationSize(
    messages.map((message) => ({ role: message.role, text: contentText(message.content) })),
  );
  const last = messages.at(-1);
  if (last?.role !== 'user') throw new AppError('bad_request', 'The last message must be from the user');
  const question = contentText(last.content).trim();
  if (question === '') throw new AppError('bad_request', 'The question must not be empty');
  if (question.length > MAX_MESSAGE_CHARS) {
    throw new AppError('bad_request', `The question must be at most ${MAX_MESSAGE_CHARS} characters`);
  }
  return messages.flatMap((message, index): ChatMessage[] => {
    if (message.role !== 'user' && message.role !== 'assistant') return [];
    const raw = contentText(message.content);
    const text = message.role === 'assistant' ? plainAnswerText(raw) : raw;
    if (text.trim() === '') return [];
    return [{ id: `m${index}`, role: message.role, parts: [{ type: 'text', text }] }];
  });
}
