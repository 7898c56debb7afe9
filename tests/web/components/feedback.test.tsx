import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type { CitationFlagsRequest, FeedbackRequest } from '../../../server/contract.js';
import { ChatPage } from '../../../web/components/chat-page.js';
import { citationsData, makeCitation, renderInLocale, SEARCH_HEALTH } from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer, STORED_ANSWER_ID } from '../stored-answer.js';

const QUESTION = '没学过烘焙适合做哪个岗位？';
const ANSWER = '酸面包师对新手友好 [1]。';
let flagReports: CitationFlagsRequest[] = [];

function serveFeedback(status = 201) {
  const received: FeedbackRequest[] = [];
  server.use(
    http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
    http.post('/api/feedback/flags', async ({ request }) => {
      flagReports.push((await request.json()) as CitationFlagsRequest);
      return HttpResponse.json({ messageId: STORED_ANSWER_ID, created: 1, existing: 0 }, { status: 201 });
    }),
    http.post('/api/feedback', async ({ request }) => {
      received.push((await request.json()) as FeedbackRequest);
      if (status >= 400)
        return HttpResponse.json({ error: { code: 'internal', message: 'Store unavailable' } }, { status });
      return HttpResponse.json({ id: received.at(-1)?.id, created: true }, { status });
    }),
  );
  return received;
}

function showAnswer() {
  return openStoredAnswer(QUESTION, {
    text: ANSWER,
    citations: citationsData([makeCitation({ n: 1, citedBy: ['酸面包师对新手友好。'] })]),
    metadata: { mode: 'llm', model: 'qwen-plus', retrievalMs: 5, totalMs: 800, costUsd: null },
  });
}

describe('feedback on an answer', () => {
  test('Not helpful sends the reasons, comment, answer and its citations, once', async () => {
    const received = serveFeedback();
    const answer = showAnswer();

    await userEvent.click(within(answer).getByRole('button', { name: 'Not helpful' }));
    await userEvent.click(within(answer).getByRole('checkbox', { name: 'Wrong' }));
    await userEvent.click(within(answer).getByRole('checkbox', { name: 'Missing information' }));
    await userEvent.type(within(answer).getByRole('textbox', { name: 'Comment' }), '漏了垂直领域');
    await userEvent.click(within(answer).getByRole('button', { name: 'Send feedback' }));

    await within(answer).findByText('Thanks — feedback sent.');
    expect(received).toHaveLength(1);
    const body = received[0];
    expect(body).toMatchObject({
      messageId: STORED_ANSWER_ID,
      rating: 'down',
      reasons: ['wrong', 'missing'],
      comment: '漏了垂直领域',
      question: QUESTION,
      answer: ANSWER,
      mode: 'llm',
      model: 'qwen-plus',
      citations: [{ n: 1, id: makeCitation({ n: 1 }).id }],
    });
    expect(body?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(within(answer).getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  test('a rating can be changed: the same answer id is sent again with the new rating', async () => {
    const received = serveFeedback();
    const answer = showAnswer();

    await userEvent.click(within(answer).getByRole('button', { name: 'Helpful' }));
    await within(answer).findByText('Thanks — feedback sent.');
    await userEvent.click(within(answer).getByRole('button', { name: 'Not helpful' }));
    await userEvent.click(within(answer).getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(received).toHaveLength(2));

    expect(received.map((body) => body.rating)).toEqual(['up', 'down']);
    expect(received[1]?.id).toBe(received[0]?.id);
  });

  test('Helpful sends an up rating; the sent state survives a reload', async () => {
    const received = serveFeedback();
    const answer = showAnswer();

    await userEvent.click(within(answer).getByRole('button', { name: 'Helpful' }));
    await within(answer).findByText('Thanks — feedback sent.');
    expect(received.map((body) => body.rating)).toEqual(['up']);

    cleanup();
    renderInLocale(<ChatPage />);
    const reloaded = screen.getByRole('article', { name: 'Answer' });
    expect(within(reloaded).getByText('Thanks — feedback sent.')).toBeTruthy();
    expect(within(reloaded).getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  test('a failed send says so and a retry reuses the same feedback id', async () => {
    const received = serveFeedback(500);
    const answer = showAnswer();

    await userEvent.click(within(answer).getByRole('button', { name: 'Helpful' }));
    await within(answer).findByText(/Feedback not sent: Store unavailable/);
    await userEvent.click(within(answer).getByRole('button', { name: 'Helpful' }));
    await waitFor(() => expect(received).toHaveLength(2));

    expect(received[1]?.id).toBe(received[0]?.id);
  });

  test('flagging a source records which answer sentence it fails to support, apart from the rating', async () => {
    flagReports = [];
    const received = serveFeedback();
    showAnswer();
    const sources = screen.getByRole('complementary', { name: 'Sources' });

    await userEvent.click(within(sources).getByRole('button', { name: "Source doesn't support this" }));

    await within(sources).findByText('Flagged — thanks');
    expect(received).toHaveLength(0);
    expect(flagReports).toHaveLength(1);
    expect(flagReports[0]).toMatchObject({
      messageId: STORED_ANSWER_ID,
      flags: [{ n: 1, sentence: '酸面包师对新手友好。' }],
    });
  });
});
