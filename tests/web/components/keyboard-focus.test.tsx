import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Window as HappyDomWindow } from 'happy-dom';
import { HttpResponse, http } from 'msw';
import { describe, expect, test, vi } from 'vitest';
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

  test('on a phone, the Sources sheet opens as a modal dialog over the chat and closes again', async () => {
    happyDom.setViewport({ width: 390, height: 844 });
    // A modal dialog is what keeps Tab and screen readers off the chat behind it; the browser does that part.
    const shownModally = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    try {
      serveHealth();
      openStoredAnswer('What is a data flywheel?', {
        text: '数据闭环 [1]。',
        citations: citationsData([makeCitation({ n: 1 })]),
      });
      const toggle = screen.getByRole('button', { name: 'Sources' });

      await userEvent.click(toggle);
      const sheet = screen.getByRole('dialog', { name: 'Sources' });
      expect(shownModally).toHaveBeenCalledTimes(1);
      expect((sheet as HTMLDialogElement).open).toBe(true);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      await userEvent.click(within(sheet).getByRole('button', { name: 'Close sources' }));

      expect((sheet as HTMLDialogElement).open).toBe(false);
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
    } finally {
      shownModally.mockRestore();
    }
  });

  test('on a narrower screen, History opens the conversations as a modal dialog; choosing one closes it', async () => {
    happyDom.setViewport({ width: 900, height: 800 });
    const shownModally = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    serveHealth();
    openStoredAnswer('What is a data flywheel?', {
      text: '数据闭环 [1]。',
      citations: citationsData([makeCitation({ n: 1 })]),
    });
    const history = screen.getByRole('button', { name: 'History' });

    await userEvent.click(history);
    const drawer = screen.getByRole('dialog', { name: 'Conversations' });
    expect(shownModally).toHaveBeenCalledTimes(1);
    expect(history.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(within(drawer).getByRole('button', { name: /^Stored/ }));

    expect((drawer as HTMLDialogElement).open).toBe(false);
    expect(history.getAttribute('aria-expanded')).toBe('false');
    shownModally.mockRestore();
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
