import type { ChatMessage, ShareRequest } from '../../server/contract.js';
import { citationsOf, messageText } from './chat-message.js';
import { isIncomplete } from './stopped-answer.js';

const MAX_TURNS = 20;

/**
 * The read-only snapshot of a conversation the server stores for a share: each question with its answer,
 * citations (their text included, so a share opens with working citations anywhere) and mode. Only settled
 * answers are taken; at most the last 20 turns.
 */
export function shareSnapshot(messages: ChatMessage[], title: string): ShareRequest {
  const turns: ShareRequest['turns'] = [];
  messages.forEach((message, index) => {
    if (message.role !== 'assistant' || !message.metadata) return;
    const question = messageText(messages[index - 1] ?? message);
    const data = citationsOf(message);
    if (question === '' || messages[index - 1]?.role !== 'user') return;
    turns.push({
      question,
      answer: messageText(message),
      mode: message.metadata.mode,
      ...(message.metadata.model ? { model: message.metadata.model } : {}),
      ...(data?.notCovered ? { notCovered: true } : {}),
      ...(isIncomplete(message) ? { truncated: true } : {}),
      citations: (data?.citations ?? []).map(
        ({ id, docId, docTitle, headings, anchor, text, score, n, highlights, citedBy }) => ({
          id,
          docId,
          docTitle,
          headings,
          anchor,
          text,
          score,
          n,
          highlights,
          citedBy,
        }),
      ),
      ...(data && data.nearest.length > 0
        ? {
            nearest: data.nearest.map(({ id, docId, docTitle, headings, anchor, text, score }) => ({
              id,
              docId,
              docTitle,
              headings,
              anchor,
              text,
              score,
            })),
          }
        : {}),
    });
  });
  return { title: title.slice(0, 200), turns: turns.slice(-MAX_TURNS) };
}
