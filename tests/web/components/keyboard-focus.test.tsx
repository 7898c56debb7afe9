import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Window as HappyDomWindow } from 'happy-dom';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import { citationsData, makeCitation, SEARCH_HEALTH } from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer } from '../stored-answer.js';

/** The test environment's own window, which can change its viewport like a rotated phone. */
const happyDom = (window as unknown as HappyDomWindow).happyDOM;

function serveHealth() {
  server.use(http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)));
}

describe('finding your way with the keyboard', () => {
  test('Show sources moves focus into the Sources panel, and Escape brings it back', async () => {
    serveHealth();
    const answer = openStoredAnswer('哪个面包岗位订单最多？', {
      text: '酸面包师订单最多 [1]。',
      citations: citationsData([makeCitation({ n: 1 })]),
    });
    const showSources = within(answer).getByRole('button', { name: 'Show sources (1)' });

    await userEvent.click(showSources);
    const sources = screen.getByRole('complementary', { name: 'Sources' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(sources).getByRole('heading', { name: 'Sources' })),
    );
    await userEvent.keyboard('{Escape}');

    expect(document.activeElement).toBe(showSources);
  });

  test('on a phone, the open Sources sheet keeps the chat behind it out of reach until it closes', async () => {
    const desktopWidth = window.innerWidth;
    happyDom.setViewport({ width: 390, height: 844 });
    try {
      serveHealth();
      openStoredAnswer('What is a data flywheel?', {
        text: '数据闭环 [1]。',
        citations: citationsData([makeCitation({ n: 1 })]),
      });
      const chat = screen.getByRole('main', { name: 'Chat' });
      expect(chat.inert).toBe(false);

      await userEvent.click(screen.getByRole('button', { name: 'Sources' }));
      expect(chat.inert).toBe(true);
      await userEvent.click(screen.getByRole('button', { name: 'Close sources' }));

      expect(chat.inert).toBe(false);
    } finally {
      happyDom.setViewport({ width: desktopWidth });
    }
  });

  test('Escape closes the conversation drawer and returns to the History button', async () => {
    serveHealth();
    openStoredAnswer('What is a data flywheel?', {
      text: '数据闭环 [1]。',
      citations: citationsData([makeCitation({ n: 1 })]),
    });
    const history = screen.getByRole('button', { name: 'History' });

    await userEvent.click(history);
    expect(history.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');

    expect(history.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(history);
  });

  test('an uncovered question with nothing near it does not send the reader to Sources', () => {
    serveHealth();
    const answer = openStoredAnswer('红烧肉怎么做？', {
      text: '资料库中没有能回答这个问题的内容，也没有相近的章节。',
      citations: citationsData([], { notCovered: true, nearest: [] }),
      metadata: { mode: 'search', retrievalMs: 1, totalMs: 2, costUsd: 0, notCovered: true },
    });

    expect(within(answer).getByText(/The guide doesn't cover this question/)).toBeTruthy();
    expect(answer.textContent).not.toContain('资料库中没有');
    expect(answer.textContent).not.toContain('listed under Sources');
    expect(within(answer).queryByRole('button', { name: /Show sources/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Sources$/ })).toBeNull();
  });
});
