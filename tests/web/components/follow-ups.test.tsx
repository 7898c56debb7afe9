import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type {
  ChatContext,
  Citation,
  HealthResponse,
  SectionResponse,
  UnderstoodData,
} from '../../../server/contract.js';
import { ChatPage } from '../../../web/components/chat-page.js';
import {
  assistantMessage,
  citationsData,
  makeSection,
  renderInLocale,
  SEARCH_HEALTH,
  SEARCH_METADATA,
  spanOf,
  storeConversation,
  uiMessageStreamResponse,
  userMessage,
} from '../fixtures.js';
import { server } from '../msw-server.js';

// A bakery handbook of its own, in two editions: the Chinese original and its English translation.
const ZH_TEXT = '## 烤炉\n\n- 第一炉之前预热四十分钟。\n- 每周五清洁炉膛。';
const EN_TEXT =
  '## Ovens\n\n- Preheat for forty minutes before the first bake.\n- Clean the deck every Friday.';
const ZH_ID = 'bakery.zh#ovens';
const EN_ID = 'bakery.en#ovens';

function ovens(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    id: ZH_ID,
    docId: 'bakery.zh',
    docTitle: '面包房手册',
    headings: ['面包房手册', '烤炉'],
    anchor: 'ovens',
    text: ZH_TEXT,
    score: 1,
    highlights: [spanOf(ZH_TEXT, '第一炉之前预热四十分钟。')],
    citedBy: [],
    n,
    ...overrides,
  };
}

function section(id: string, overrides: Partial<SectionResponse>): SectionResponse {
  return makeSection({ id, anchor: 'ovens', prev: null, next: null, ...overrides });
}

function serveEditions() {
  const zh = section(ZH_ID, {
    docId: 'bakery.zh',
    docTitle: '面包房手册',
    headings: ['面包房手册', '烤炉'],
    text: ZH_TEXT,
    editions: [{ lang: 'en', id: EN_ID }],
  });
  const en = section(EN_ID, {
    docId: 'bakery.en',
    docTitle: 'Bakery handbook',
    headings: ['Bakery handbook', 'Ovens'],
    text: EN_TEXT,
    editions: [{ lang: 'zh', id: ZH_ID }],
  });
  server.use(
    http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
    http.get('/api/sections/:id', ({ params }) => HttpResponse.json(params.id === EN_ID ? en : zh)),
  );
}

function searchAnswer(messageId: string, text: string, citations: Citation[], understood?: UnderstoodData) {
  return uiMessageStreamResponse([
    { type: 'start', messageId, messageMetadata: { mode: 'search', retrievalMs: 0 } },
    ...(understood ? [{ type: 'data-understood', id: 'understood', data: understood }] : []),
    { type: 'data-citations', id: 'citations', data: citationsData(citations) },
    { type: 'text-start', id: 'answer' },
    { type: 'text-delta', id: 'answer', delta: text },
    { type: 'text-end', id: 'answer' },
    { type: 'message-metadata', messageMetadata: SEARCH_METADATA },
    { type: 'finish', finishReason: 'stop' },
  ]);
}

const UNDERSTOOD: UnderstoodData = {
  subjects: ['1. Ovens'],
  aspect: 'Cleaning',
  query: 'Ovens cleaning how often',
  method: 'sections',
};

describe('follow-ups', () => {
  test('every question sends back the sections the previous answer cited, never those only searched', async () => {
    serveEditions();
    const contexts: Array<ChatContext | undefined> = [];
    server.use(
      http.post('/api/chat', async ({ request }) => {
        contexts.push(((await request.json()) as { context?: ChatContext }).context);
        const searched = ovens(2, { id: 'bakery.zh#staff', headings: ['面包房手册', '员工'] });
        return searchAnswer(`answer-${contexts.length}`, 'Preheat first [1].', [ovens(1), searched]);
      }),
    );
    renderInLocale(<ChatPage />);
    const box = screen.getByRole('textbox', { name: 'Ask a question' });

    await userEvent.type(box, 'How do I start the oven?{Enter}');
    await within(await screen.findByRole('article', { name: 'Answer' })).findByRole('button', {
      name: /^Source 1: /,
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy());
    await userEvent.type(box, 'And how often do they clean it?{Enter}');
    await waitFor(() => expect(contexts).toHaveLength(2));

    expect(contexts[0]).toEqual({ sectionIds: [] });
    expect(contexts[1]).toEqual({ sectionIds: [ZH_ID] });
  });

  test('an answer says how its follow-up was understood, and Edit puts that question in the composer', async () => {
    serveEditions();
    storeConversation('stored', [
      userMessage('q1', 'How do I start the oven?'),
      assistantMessage('a1', { text: 'Preheat first [1].', citations: citationsData([ovens(1)]) }),
    ]);
    server.use(
      http.post('/api/chat', () => searchAnswer('a2', 'Clean it every Friday [1].', [ovens(1)], UNDERSTOOD)),
    );
    renderInLocale(<ChatPage />);
    const box = screen.getByRole('textbox', { name: 'Ask a question' });

    await userEvent.type(box, 'And cleaning?{Enter}');
    await waitFor(() => expect(screen.getAllByRole('article', { name: 'Answer' })).toHaveLength(2));
    const answer = screen.getAllByRole('article', { name: 'Answer' })[1] as HTMLElement;
    await waitFor(() => expect(answer.textContent).toContain('Answering: Ovens · Cleaning'));
    expect(screen.getAllByText(/^Answering:/)).toHaveLength(1);

    await userEvent.click(within(answer).getByRole('button', { name: 'Edit this question' }));
    expect((box as HTMLTextAreaElement).value).toBe('Ovens cleaning how often');
    expect(document.activeElement).toBe(box);
  });
});

describe('the guide’s outline', () => {
  test('is asked for once, however many answers suggest follow-ups from it', async () => {
    let asked = 0;
    server.use(
      http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
      http.get('/api/outline', () => {
        asked += 1;
        return HttpResponse.json({ documents: [] });
      }),
    );
    storeConversation('stored', [
      userMessage('q1', '烤炉要预热多久？'),
      assistantMessage('a1', { text: '预热四十分钟 [1]。', citations: citationsData([ovens(1)]) }),
      userMessage('q2', '多久清洁一次？'),
      assistantMessage('a2', { text: '每周五 [1]。', citations: citationsData([ovens(1)]) }),
    ]);
    renderInLocale(<ChatPage />);

    await waitFor(() => expect(asked).toBe(1));
    expect(screen.getAllByRole('article', { name: 'Answer' })).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toBe(1);
  });
});

describe('a section in another edition', () => {
  test('the cited section switches between 中文 and English, marks only the edition that was cited', async () => {
    serveEditions();
    storeConversation('stored', [
      userMessage('q1', '烤炉要预热多久？'),
      assistantMessage('a1', { text: '预热四十分钟 [1]。', citations: citationsData([ovens(1)]) }),
    ]);
    renderInLocale(<ChatPage />);
    const answer = screen.getByRole('article', { name: 'Answer' });

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    const panel = await screen.findByRole('region', { name: 'Cited section' });
    const editions = await within(panel).findByRole('group', { name: 'Read this section in' });
    expect(within(editions).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(panel.querySelectorAll('mark').length).toBeGreaterThan(0));

    await userEvent.click(within(editions).getByRole('button', { name: 'English' }));
    await within(panel).findByText(/Clean the deck every Friday/);
    expect(panel.querySelector('.section-text')?.getAttribute('lang')).toBe('en');
    expect(panel.querySelectorAll('mark')).toHaveLength(0);

    await userEvent.click(within(panel).getByRole('button', { name: '中文' }));
    await within(panel).findByText(/每周五清洁炉膛/);
    await waitFor(() => expect(panel.querySelectorAll('mark').length).toBeGreaterThan(0));
  });

  test('a section without other editions shows no switch', async () => {
    // Its own id: sections are cached by id for the page's life.
    const single = 'bakery.zh#staff';
    serveEditions();
    server.use(
      http.get('/api/sections/:id', () =>
        HttpResponse.json(section(single, { text: ZH_TEXT, headings: ['面包房手册', '烤炉'] })),
      ),
    );
    storeConversation('stored', [
      userMessage('q1', '烤炉要预热多久？'),
      assistantMessage('a1', {
        text: '预热四十分钟 [1]。',
        citations: citationsData([ovens(1, { id: single })]),
      }),
    ]);
    renderInLocale(<ChatPage />);
    const answer = screen.getByRole('article', { name: 'Answer' });

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    const panel = await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(panel.querySelectorAll('mark').length).toBeGreaterThan(0));
    expect(within(panel).queryByRole('group', { name: 'Read this section in' })).toBeNull();
  });
});

describe('a server still warming up', () => {
  test('the header says the guide is warming up, not unreachable, and shows the mode once it is ready', async () => {
    let asked = 0;
    const warming: HealthResponse = { ...SEARCH_HEALTH, status: 'warming', docs: 0, chunks: 0 };
    server.use(
      http.get('/api/health', () => {
        asked += 1;
        if (asked === 1) return HttpResponse.json(warming, { status: 503, headers: { 'Retry-After': '5' } });
        return HttpResponse.json(SEARCH_HEALTH);
      }),
    );
    renderInLocale(<ChatPage />, 'zh');

    expect(await screen.findByText('指南正在加载…')).toBeTruthy();
    expect(screen.queryByText('无法连接服务器')).toBeNull();
    expect(await screen.findByText('检索模式 — 未配置大模型', {}, { timeout: 6000 })).toBeTruthy();
  });
});
