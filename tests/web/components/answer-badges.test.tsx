import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type { ChatMessage, ChatMetadata, HealthResponse } from '../../../server/contract.js';
import { ChatPage } from '../../../web/components/chat-page.js';
import type { Locale } from '../../../web/lib/i18n.js';
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
import { openStoredAnswer } from '../stored-answer.js';

function showAnswerWith(
  metadata: ChatMetadata,
  health: HealthResponse = SEARCH_HEALTH,
  locale: Locale = 'en',
) {
  server.use(http.get('/api/health', () => HttpResponse.json(health)));
  return openStoredAnswer(
    'How is an AI PM different from a traditional PM?',
    { text: '核心差异在于概率性系统 [1]。', citations: citationsData([makeCitation({ n: 1 })]), metadata },
    locale,
  );
}

describe('what produced an answer, and what it cost', () => {
  test('a search-mode answer says Search and costs $0', () => {
    const answer = showAnswerWith({ mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    expect(within(answer).getByText('Search')).toBeTruthy();
    expect(answer.textContent).toContain('35 ms total');
    expect(answer.textContent).toContain('no LLM tokens');
    expect(answer.textContent).toContain('$0');
  });

  test('an LLM answer names its model, latency, tokens and cost', async () => {
    const health: HealthResponse = { ...SEARCH_HEALTH, mode: 'llm', model: 'deepseek-chat' };
    const answer = showAnswerWith(
      {
        mode: 'llm',
        model: 'deepseek-chat',
        retrievalMs: 10,
        firstTokenMs: 420,
        totalMs: 2350,
        usage: { inputTokens: 1234, outputTokens: 210 },
        costUsd: 0.0021,
      },
      health,
    );

    expect(within(answer).getByText('LLM · deepseek-chat')).toBeTruthy();
    expect(answer.textContent).toContain('2.35 s total');
    expect(answer.textContent).toContain('first token 420 ms');
    expect(answer.textContent).toContain('1,234 in / 210 out tokens');
    expect(answer.textContent).toContain('$0.0021');
    expect(await screen.findByText('LLM mode · deepseek-chat')).toBeTruthy();
  });

  test('an LLM answer with an unknown price says cost unknown', () => {
    const answer = showAnswerWith({
      mode: 'llm',
      model: 'local-model',
      retrievalMs: 10,
      totalMs: 900,
      usage: { inputTokens: 100, outputTokens: 50 },
      costUsd: null,
    });

    expect(answer.textContent).toContain('cost unknown');
  });

  test('a fallback answer says so in one plain sentence and keeps the technical reason in its tooltip', () => {
    const answer = showAnswerWith({
      mode: 'fallback',
      fallbackReason: 'rate-limit',
      retrievalMs: 9,
      totalMs: 60,
      costUsd: 0,
    });

    const sentence = within(answer).getByText(
      /could not answer, so this answer was found in the guide by search/,
    );
    expect(sentence.getAttribute('title')).toMatch(/^rate-limit: .*rate-limiting/);
    expect(answer.textContent).not.toContain('Fallback:');
    expect(answer.textContent).toContain('$0');
  });

  test('a notice the server sends beside a fallback answer is not shown: the one plain sentence says it', () => {
    server.use(http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)));
    const answer = assistantMessage('a1', {
      text: '核心差异在于概率性系统 [1]。',
      citations: citationsData([makeCitation({ n: 1 })]),
      metadata: { mode: 'fallback', fallbackReason: 'server-error', retrievalMs: 9, costUsd: 0 },
    });
    const notice = { type: 'data-notice', data: { text: 'The model service failed just now.' } };
    answer.parts.unshift(notice as unknown as ChatMessage['parts'][number]);
    storeConversation('stored', [userMessage('q1', 'How is an AI PM different?'), answer]);
    renderInLocale(<ChatPage />);

    const article = screen.getByRole('article', { name: 'Answer' });
    expect(article.textContent).not.toContain('The model service failed just now.');
    expect(within(article).getAllByText(/could not answer, so this answer was found/)).toHaveLength(1);
  });

  test('a search answer offers Copy, Helpful and Not helpful, but no Regenerate that would repeat it', () => {
    const answer = showAnswerWith({ mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    const actions = within(answer)
      .getAllByRole('button')
      .filter((button) => button.closest('.answer-actions'));
    expect(actions.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Copy answer',
      'Helpful',
      'Not helpful',
    ]);
  });

  test('an LLM answer adds Regenerate: at most four quiet icon actions', () => {
    const answer = showAnswerWith({ mode: 'llm', model: 'm', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    const actions = within(answer)
      .getAllByRole('button')
      .filter((button) => button.closest('.answer-actions'));
    expect(actions).toHaveLength(4);
    expect(within(answer).getByRole('button', { name: 'Regenerate' })).toBeTruthy();
  });

  test('latency, tokens and cost sit behind a Details toggle', () => {
    const answer = showAnswerWith({ mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    const details = within(answer).getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('35 ms total');
  });

  test('in Chinese the same answer is worded in Chinese', () => {
    const answer = showAnswerWith(
      { mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 },
      SEARCH_HEALTH,
      'zh',
    );

    expect(within(answer).getByText('检索')).toBeTruthy();
    expect(within(answer).getByRole('button', { name: '复制回答' })).toBeTruthy();
    expect(answer.textContent).toContain('总计 35 ms');
  });

  test('nothing spent reads $0 in Chinese too, not US$0', () => {
    const answer = showAnswerWith(
      { mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 },
      SEARCH_HEALTH,
      'zh',
    );

    const footer = answer.querySelector('.answer-footer')?.textContent ?? '';
    expect(footer).toMatch(/(^|[^A-Z])\$0$/);
    expect(footer).not.toContain('US$');
  });

  test('a Chinese answer under English chrome: its words are marked lang="zh-CN", the buttons are not', () => {
    const answer = showAnswerWith({ mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    const words = within(answer).getByText(/核心差异在于概率性系统/);
    expect(words.closest('[lang]')?.getAttribute('lang')).toBe('zh-CN');
    const copy = within(answer).getByRole('button', { name: 'Copy answer' });
    expect(copy.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang).not.toBe('zh-CN');
  });

  test('an answer the server cut at its length limit says so, and is not called stopped', () => {
    const answer = showAnswerWith({ mode: 'llm', model: 'm', retrievalMs: 8, truncated: true });

    const badge = within(answer).getByText('Cut at the length limit');
    expect(badge.getAttribute('title')).toMatch(/length limit/);
    expect(within(answer).queryByText('Stopped — incomplete')).toBeNull();
  });
});
