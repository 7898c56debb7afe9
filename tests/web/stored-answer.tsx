import { render, screen } from '@testing-library/react';
import type { ChatMetadata, CitationsData } from '../../server/contract.js';
import { ChatPage } from '../../web/components/chat-page.js';
import { assistantMessage, storeConversation, userMessage } from './fixtures.js';

/** The id the stored answer gets, as feedback about it reports it. */
export const STORED_ANSWER_ID = 'answer-1';

/**
 * Opens the chat on a stored conversation of one question and its answer, as after a reload, and returns the
 * answer's article.
 */
export function openStoredAnswer(
  question: string,
  answer: { text: string; citations?: CitationsData; metadata?: ChatMetadata },
): HTMLElement {
  storeConversation('stored', [
    userMessage('question-1', question),
    assistantMessage(STORED_ANSWER_ID, answer),
  ]);
  render(<ChatPage />);
  return screen.getByRole('article', { name: 'Answer' });
}
