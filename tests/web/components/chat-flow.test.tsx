import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import { ChatPage } from '../../../web/components/chat-page.js';
import {
  citationsData,
  citedSearchAnswer,
  makeCitation,
  renderInLocale,
  SEARCH_HEALTH,
} from '../fixtures.js';
import { server } from '../msw-server.js';

interface ChatBody {
  messages: Array<{ role: string; parts: Array<{ type: string; text?: string }> }>;
}

function serveHealth() {
  server.use(http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)));
}

function serveAnswer(text: string, received: ChatBody[] = []) {
  server.use(
    http.post('/api/chat', async ({ request }) => {
      received.push((await request.json()) as ChatBody);
      const n = received.length;
      return citedSearchAnswer(`answer-${n}`, text);
    }),
  );
  return received;
}

describe('asking a question', () => {
  test('an empty chat offers starter questions in Chinese and English', async () => {
    serveHealth();
    renderInLocale(<ChatPage />);

    const starters = screen.getByRole('region', { name: 'Starter questions' });
    const names = within(starters)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toContain('哪类 AI 产品经理需求量最高？');
    expect(names).toContain('What is a data flywheel?');
    expect(await screen.findByText('Search mode — no LLM configured')).toBeTruthy();
  });

  test('a starter question is sent and its streamed answer shows citations, badge and footer', async () => {
    serveHealth();
    const received = serveAnswer('酸面包师订单最多 [1]。');
    renderInLocale(<ChatPage />);

    await userEvent.click(screen.getByRole('button', { name: '哪类 AI 产品经理需求量最高？' }));

    const answer = await screen.findByRole('article', { name: 'Answer' });
    await within(answer).findByRole('button', { name: /^Source 1: / });
    const question = screen.getByRole('article', { name: 'Question' });
    expect(within(question).getByRole('heading', { name: 'Question 1' })).toBeTruthy();
    expect(question.querySelector('p')?.textContent).toBe('哪类 AI 产品经理需求量最高？');
    expect(question.querySelector('p')?.getAttribute('lang')).toBe('zh-CN');
    expect(within(answer).getByText('Search')).toBeTruthy();
    await waitFor(() => expect(answer.textContent).toContain('$0'));
    expect(received[0]?.messages.at(-1)?.parts).toEqual([
      { type: 'text', text: '哪类 AI 产品经理需求量最高？' },
    ]);
    expect(screen.queryByRole('region', { name: 'Starter questions' })).toBeNull();
  });

  test('Enter sends, Shift+Enter adds a new line, and earlier answers are sent back as text only', async () => {
    serveHealth();
    const received = serveAnswer('起酥师关注温度与黄油 [1]。');
    renderInLocale(<ChatPage />);
    const box = screen.getByRole('textbox', { name: 'Ask a question' });

    await userEvent.type(box, 'What does an AI platform PM{Shift>}{Enter}{/Shift}care about?');
    expect((box as HTMLTextAreaElement).value).toBe('What does an AI platform PM\ncare about?');
    await userEvent.type(box, '{Enter}');
    await within(await screen.findByRole('article', { name: 'Answer' })).findByRole('button', {
      name: /^Source 1: /,
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy());

    await userEvent.type(box, 'And an application PM?{Enter}');
    await waitFor(() => expect(screen.getAllByRole('article', { name: 'Answer' })).toHaveLength(2));

    const history = received[1]?.messages ?? [];
    expect(history.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(history[1]?.parts.every((part) => part.type === 'text')).toBe(true);
  });

  test('a failed answer explains the error and Retry asks again', async () => {
    serveHealth();
    let calls = 0;
    server.use(
      http.post('/api/chat', () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { error: { code: 'internal', message: 'Something broke' } },
            { status: 500 },
          );
        }
        return citedSearchAnswer('answer-ok', '数据闭环持续获取反馈数据 [1]。');
      }),
    );
    renderInLocale(<ChatPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Ask a question' }),
      'What is a data flywheel?{Enter}',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something broke');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    const answer = await screen.findByRole('article', { name: 'Answer' });
    await within(answer).findByRole('button', { name: /^Source 1: / });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
  });

  test('Stop ends a streaming answer and the composer offers Send again', async () => {
    serveHealth();
    const encoder = new TextEncoder();
    server.use(
      http.post('/api/chat', () => {
        const stream = new ReadableStream({
          start(controller) {
            const start = {
              type: 'start',
              messageId: 'slow',
              messageMetadata: { mode: 'llm', retrievalMs: 1 },
            };
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(start)}\n\n`));
            controller.enqueue(
              encoder.encode(`data: ${JSON.stringify({ type: 'text-start', id: 't' })}\n\n`),
            );
            controller.enqueue(
              encoder.encode(`data: ${JSON.stringify({ type: 'text-delta', id: 't', delta: '正在' })}\n\n`),
            );
            // Never closes: only Stop ends this answer.
          },
        });
        return new HttpResponse(stream, {
          headers: { 'Content-Type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
        });
      }),
    );
    renderInLocale(<ChatPage />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Ask a question' }), '问题{Enter}');
    await screen.findByText('正在');
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));

    expect(await screen.findByRole('button', { name: 'Send' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  test('until the answer’s first words arrive it says the guide is being searched, even once sources are in', async () => {
    serveHealth();
    const encoder = new TextEncoder();
    server.use(
      http.post('/api/chat', () => {
        const chunks = [
          { type: 'start', messageId: 'thinking', messageMetadata: { mode: 'llm', retrievalMs: 1 } },
          { type: 'data-citations', id: 'citations', data: citationsData([makeCitation({ n: 1 })]) },
        ];
        const stream = new ReadableStream({
          start(controller) {
            for (const chunk of chunks)
              controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
            // The model is still thinking: nothing more until Stop.
          },
        });
        return new HttpResponse(stream, {
          headers: { 'Content-Type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
        });
      }),
    );
    renderInLocale(<ChatPage />, 'zh');

    await userEvent.type(screen.getByRole('textbox', { name: '输入问题' }), '问题{Enter}');
    const answer = await screen.findByRole('article', { name: '回答' });
    // The sources have arrived (the panel lists them) and still no word claims an answer is being written.
    await within(screen.getByRole('complementary', { name: '来源' })).findAllByText(/酸面包师/);
    expect(within(answer).getByRole('status').textContent).toBe('正在检索…');
    await userEvent.click(screen.getByRole('button', { name: '停止' }));
  });
});
