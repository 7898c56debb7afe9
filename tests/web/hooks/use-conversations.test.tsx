import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import { ChatPage } from '../../../web/components/chat-page.js';
import { useConversations } from '../../../web/hooks/use-conversations.js';
import {
  assistantMessage,
  citationsData,
  citedSearchAnswer,
  makeCitation,
  renderInLocale,
  SEARCH_HEALTH,
  userMessage,
} from '../fixtures.js';
import { server } from '../msw-server.js';

const conversation = [
  userMessage('q1', 'What is a data flywheel?'),
  assistantMessage('a1', {
    text: '数据闭环：持续、低成本获取高质量反馈数据 [1]。',
    citations: citationsData([makeCitation({ n: 1 })]),
    metadata: { mode: 'llm', model: 'gpt-4o-mini', retrievalMs: 4, totalMs: 1200, costUsd: null },
  }),
];

describe('conversations survive a reload', () => {
  test('saved messages come back whole: text, citations with highlights, and metadata', () => {
    const first = renderHook(() => useConversations());
    const id = first.result.current.activeId;
    act(() => first.result.current.save(id, conversation));
    first.unmount();

    const reloaded = renderHook(() => useConversations());

    expect(reloaded.result.current.activeId).toBe(id);
    expect(reloaded.result.current.initialMessages).toEqual(conversation);
    expect(reloaded.result.current.conversations.map((entry) => entry.title)).toEqual([
      'What is a data flywheel?',
    ]);
  });

  test('a new chat joins the list only once it has a message, and deleting removes it for good', () => {
    const hook = renderHook(() => useConversations());
    const firstId = hook.result.current.activeId;
    act(() => hook.result.current.save(firstId, conversation));
    act(() => hook.result.current.startNew());
    const secondId = hook.result.current.activeId;

    expect(secondId).not.toBe(firstId);
    expect(hook.result.current.conversations).toHaveLength(1);
    expect(hook.result.current.initialMessages).toEqual([]);

    act(() => hook.result.current.remove(firstId));
    act(() => hook.result.current.save(firstId, conversation));
    expect(hook.result.current.conversations).toHaveLength(0);
    expect(renderHook(() => useConversations()).result.current.conversations).toHaveLength(0);
  });

  test('corrupt storage is tolerated: the app starts with an empty chat', async () => {
    server.use(http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)));
    localStorage.setItem('aipm-guide.v1.conversations', '{not json');
    localStorage.setItem('aipm-guide.v1.active', 'broken');
    localStorage.setItem('aipm-guide.v1.conversation.broken', '[{"id":1}]');

    renderInLocale(<ChatPage />);

    expect(screen.getByRole('region', { name: 'Starter questions' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Conversations' })).queryAllByRole('listitem'),
    ).toHaveLength(0);
  });

  test('a conversation asked in the app is listed, and can be reopened after New chat', async () => {
    server.use(
      http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
      http.post('/api/chat', () => citedSearchAnswer('a-live', '起酥师关注折叠次数与黄油温度 [1]。')),
    );
    renderInLocale(<ChatPage />);
    await userEvent.click(screen.getByRole('button', { name: 'What does an AI platform PM care about?' }));
    await within(await screen.findByRole('article', { name: 'Answer' })).findByRole('button', {
      name: /^Source 1: /,
    });

    await userEvent.click(screen.getByRole('button', { name: 'New chat' }));
    expect(screen.getByRole('region', { name: 'Starter questions' })).toBeTruthy();
    const list = screen.getByRole('navigation', { name: 'Conversations' });
    await userEvent.click(
      within(list).getByRole('button', { name: /^What does an AI platform PM care about\?/ }),
    );

    const answer = await screen.findByRole('article', { name: 'Answer' });
    await waitFor(() => expect(within(answer).getByRole('button', { name: /^Source 1: / })).toBeTruthy());
  });
});
