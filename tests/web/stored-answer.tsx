import { screen } from '@testing-library/react';
import type { ChatMetadata, CitationsData } from '../../server/contract.js';
import { ChatPage } from '../../web/components/chat-page.js';
import type { Locale } from '../../web/lib/i18n.js';
import { assistantMessage, renderInLocale, storeConversation, userMessage } from './fixtures.js';

/** The id the stored answer gets, as feedback about it reports it. */
export const STORED_ANSWER_ID = 'answer-1';

/**
 * Opens the chat on a stored conversation of one question and its answer, as after a reload, and returns the
 * answer's article.
 */
export function openStoredAnswer(
  question: string,
  answer: { text: string; citations?: CitationsData; metadata?: ChatMetadata },
  locale: Locale = 'en',
): HTMLElement {
  storeConversation('stored', [
    userMessage('question-1', question),
    assistantMessage(STORED_ANSWER_ID, answer),
  ]);
  renderInLocale(<ChatPage />, locale);
  return screen.getByRole('article', { name: locale === 'zh' ? '回答' : 'Answer' });
}
