import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type { ChatMetadata, HealthResponse } from '../../../server/contract.js';
import { citationsData, makeCitation, SEARCH_HEALTH } from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer } from '../stored-answer.js';

function showAnswerWith(metadata: ChatMetadata, health: HealthResponse = SEARCH_HEALTH) {
  server.use(http.get('/api/health', () => HttpResponse.json(health)));
  return openStoredAnswer('How is an AI PM different from a traditional PM?', {
    text: '核心差异在于概率性系统 [1]。',
    citations: citationsData([makeCitation({ n: 1 })]),
    metadata,
  });
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

  test('a fallback answer names the reason and explains it in words', () => {
    const answer = showAnswerWith({
      mode: 'fallback',
      fallbackReason: 'rate-limit',
      retrievalMs: 9,
      totalMs: 60,
      costUsd: 0,
    });

    const badge = within(answer).getByText('Fallback: rate-limit');
    expect(badge.getAttribute('title')).toMatch(/rate-limiting/);
    expect(answer.textContent).toMatch(/extracted from the guide by search/);
  });

  test('the last answer offers Regenerate and Copy answer', () => {
    const answer = showAnswerWith({ mode: 'search', retrievalMs: 8, totalMs: 35, costUsd: 0 });

    expect(within(answer).getByRole('button', { name: 'Regenerate' })).toBeTruthy();
    expect(within(answer).getByRole('button', { name: 'Copy answer' })).toBeTruthy();
  });
});
