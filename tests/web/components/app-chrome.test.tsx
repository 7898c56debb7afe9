import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import type { ChatMetadata } from '../../../server/contract.js';
import { ChatPage } from '../../../web/components/chat-page.js';
import {
  assistantMessage,
  citationsData,
  makeCitation,
  renderInLocale,
  SEARCH_HEALTH,
  storeConversation,
  userMessage,
} from '../fixtures.js';
import { server } from '../msw-server.js';

const FAULT: ChatMetadata = { mode: 'fallback', fallbackReason: 'server-error', retrievalMs: 1, costUsd: 0 };

function serveHealth(mode: 'search' | 'llm' = 'search') {
  server.use(
    http.get('/api/health', () =>
      HttpResponse.json({ ...SEARCH_HEALTH, mode, model: mode === 'llm' ? 'm' : null }),
    ),
  );
}

describe('the app around the answers', () => {
  test('a visible switch changes the UI language, sets <html lang> and is remembered', async () => {
    serveHealth();
    renderInLocale(<ChatPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'AIPM Guide' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Switch language to 中文' }));

    expect(screen.getByRole('button', { name: '新对话' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('aipm-guide.locale')).toBe('zh');
  });

  test('after two answers in a row fell back for a model fault, the header says the model is unavailable', async () => {
    serveHealth('llm');
    storeConversation('c', [
      userMessage('q1', 'first'),
      assistantMessage('a1', { text: 'one', metadata: FAULT }),
      userMessage('q2', 'second'),
      assistantMessage('a2', { text: 'two', metadata: FAULT }),
    ]);
    renderInLocale(<ChatPage />);

    expect(await screen.findByText('Model unavailable — answering by search')).toBeTruthy();
  });

  test('New chat puts focus in the composer; / and Ctrl+K bring it back', async () => {
    serveHealth();
    renderInLocale(<ChatPage />);
    const composer = screen.getByRole('textbox', { name: 'Ask a question' });

    await userEvent.click(screen.getByRole('button', { name: 'New chat' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Ask a question' })),
    );
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('/');
    expect(document.activeElement?.id).toBe(composer.id);
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('{Control>}k{/Control}');
    expect(document.activeElement?.id).toBe(composer.id);
  });

  test('Copy names each cited source by its heading path, so siblings sharing a sub-heading read apart', async () => {
    serveHealth();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const roles = ['Bakery', 'Roles'];
    storeConversation('c', [
      userMessage('q1', 'first'),
      assistantMessage('a1', {
        text: '- Many openings [1]\n- Few openings [2]',
        citations: citationsData([
          makeCitation({ n: 1, docTitle: 'Bakery', headings: [...roles, 'Baker', 'Openings'] }),
          makeCitation({ n: 2, docTitle: 'Bakery', headings: [...roles, 'Pastry chef', 'Openings'] }),
        ]),
      }),
    ]);
    renderInLocale(<ChatPage />);

    const answer = screen.getByRole('article', { name: 'Answer' });
    await userEvent.click(within(answer).getByRole('button', { name: 'Copy answer' }));

    expect(writeText).toHaveBeenCalledWith(
      '• Many openings [1]\n• Few openings [2]\n\nSources\n[1] Baker › Openings\n[2] Pastry chef › Openings',
    );
  });

  test('Copy gives the answer as clean text with a numbered list of its cited sources', async () => {
    serveHealth();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    storeConversation('c', [
      userMessage('q1', 'first'),
      assistantMessage('a1', {
        text: '**Preheat** for forty minutes [1].',
        citations: citationsData([
          makeCitation({ n: 1, docTitle: 'Bakery', headings: ['Bakery', 'Ovens'] }),
          makeCitation({ n: 2, citedBy: [] }),
        ]),
      }),
    ]);
    renderInLocale(<ChatPage />);

    const answer = screen.getByRole('article', { name: 'Answer' });
    await userEvent.click(within(answer).getByRole('button', { name: 'Copy answer' }));

    expect(writeText).toHaveBeenCalledWith('Preheat for forty minutes [1].\n\nSources\n[1] Ovens — Bakery');
  });
});
