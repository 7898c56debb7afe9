import { createUIMessageStreamResponse } from 'ai';
import { Hono } from 'hono';
import { messageText } from '../answer/message-text.js';
import type { AppDeps, AppEnv } from '../app.js';
import { type ChatMessage, chatRequestSchema, MAX_MESSAGE_CHARS } from '../contract.js';
import { AppError } from '../errors.js';
import { answerChunks, chatAnswerInput } from './chat-answer-input.js';
import { checkConversationSize } from './conversation-limits.js';
import { parseInput, readJsonBody } from './validate.js';

/** The question is the text of the last message, which must come from the user. */
function checkQuestion(messages: ChatMessage[]): void {
  const last = messages.at(-1);
  if (last?.role !== 'user') throw new AppError('bad_request', 'The last message must be from the user');
  const text = messageText(last);
  if (text === '') throw new AppError('bad_request', 'The question must not be empty');
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new AppError('bad_request', `The question must be at most ${MAX_MESSAGE_CHARS} characters`);
  }
}

export function createChatRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/chat', async (c) => {
    const body = parseInput(chatRequestSchema, await readJsonBody(c.req.raw));
    // The schema checks the envelope; text parts are checked here because only they feed retrieval.
    const messages = body.messages as unknown as ChatMessage[];
    for (const message of messages) {
      for (const part of message.parts) {
        if (part.type === 'text' && typeof part.text !== 'string') {
          throw new AppError('bad_request', 'Every text part needs a string `text`');
        }
      }
    }
    checkConversationSize(
      messages.map((message) => ({
        role: message.role,
        text: message.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
      })),
    );
    checkQuestion(messages);
    if (body.sectionId !== undefined && !deps.retriever.section(body.sectionId)) {
      throw new AppError('bad_request', `sectionId "${body.sectionId}" names no section of the guide`);
    }
    const input = chatAnswerInput(deps, {
      messages,
      requestId: c.get('requestId'),
      signal: c.req.raw.signal,
      ...(body.context ? { contextSectionIds: body.context.sectionIds } : {}),
      ...(body.sectionId ? { scopeSectionId: body.sectionId } : {}),
    });
    return createUIMessageStreamResponse({ stream: answerChunks(deps, input) });
  });
}
