import { render } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { createElement, type ReactElement, type ReactNode } from 'react';
import type {
  ChatMessage,
  ChatMetadata,
  Citation,
  CitationsData,
  HealthResponse,
  SectionResponse,
} from '../../server/contract.js';
import { I18nProvider, type Locale } from '../../web/lib/i18n.js';

/** A section of an invented bakery guide (tests never quote the served corpus). */
export const APPLICATION_PM_TEXT = [
  '### 3. 酸面包师（Sourdough Baker）',
  '',
  '> 面包房里**订单最多、手艺最杂**的一个岗位。',
  '',
  '#### 订单量',
  '',
  '* 最多',
  '* 社区面包房、连锁咖啡馆、酒店后厨大量需要',
  '* 没有烘焙学历也能入门',
].join('\n');

export const APPLICATION_PM_ID = 'bakery-roles.zh#3-酸面包师sourdough-baker';
export const DOC_TITLE = '面包房里都有哪些岗位？各自做什么？';
const ROLE_HEADINGS = [DOC_TITLE, '一、面包房的主要岗位'];

/** The half-open span of `passage` inside `text` (throws when absent, so fixtures stay honest). */
export function spanOf(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return { start, end: start + passage.length };
}

export function makeCitation(overrides: Partial<Citation> & { n: number }): Citation {
  return {
    id: APPLICATION_PM_ID,
    docId: 'bakery-roles.zh',
    docTitle: DOC_TITLE,
    headings: [...ROLE_HEADINGS, '3. 酸面包师（Sourdough Baker）'],
    anchor: '3-酸面包师sourdough-baker',
    text: APPLICATION_PM_TEXT,
    score: 1,
    highlights: [spanOf(APPLICATION_PM_TEXT, '社区面包房、连锁咖啡馆、酒店后厨大量需要')],
    citedBy: ['酸面包师订单最多。'],
    ...overrides,
  };
}

export function makeSection(overrides: Partial<SectionResponse> = {}): SectionResponse {
  const outline = [
    {
      id: 'bakery-roles.zh#2-pastry-laminator',
      headings: [...ROLE_HEADINGS, '2. 起酥师（Pastry Laminator）'],
      anchor: '2-pastry-laminator',
      depth: 3,
    },
    {
      id: APPLICATION_PM_ID,
      headings: [...ROLE_HEADINGS, '3. 酸面包师（Sourdough Baker）'],
      anchor: '3-app',
      depth: 3,
    },
    {
      id: 'bakery-roles.zh#4-cake-decorator',
      headings: [...ROLE_HEADINGS, '4. 蛋糕装饰师（Cake Decorator）'],
      anchor: '4-cake-decorator',
      depth: 3,
    },
  ];
  return {
    id: APPLICATION_PM_ID,
    docId: 'bakery-roles.zh',
    docTitle: DOC_TITLE,
    headings: [...ROLE_HEADINGS, '3. 酸面包师（Sourdough Baker）'],
    anchor: '3-app',
    text: APPLICATION_PM_TEXT,
    start: 1000,
    end: 1000 + APPLICATION_PM_TEXT.length,
    document: { id: 'bakery-roles.zh', title: DOC_TITLE, outline },
    prev: outline[0] ?? null,
    next: outline[2] ?? null,
    editions: [],
    ...overrides,
  };
}

export function citationsData(citations: Citation[], extra: Partial<CitationsData> = {}): CitationsData {
  return { citations, notCovered: false, nearest: [], ...extra };
}

export const SEARCH_METADATA: ChatMetadata = {
  mode: 'search',
  retrievalMs: 12,
  totalMs: 40,
  costUsd: 0,
};

export function userMessage(id: string, text: string): ChatMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }] };
}

export function assistantMessage(
  id: string,
  options: { text: string; citations?: CitationsData; metadata?: ChatMetadata },
): ChatMessage {
  const parts: ChatMessage['parts'] = [];
  if (options.citations) parts.push({ type: 'data-citations', id: 'citations', data: options.citations });
  parts.push({ type: 'text', text: options.text, state: 'done' });
  return { id, role: 'assistant', parts, metadata: options.metadata ?? SEARCH_METADATA };
}

/** Puts one conversation into localStorage as the app stores it, and makes it the active one. */
export function storeConversation(id: string, messages: ChatMessage[]): void {
  localStorage.setItem(
    'aipm-guide.v1.conversations',
    JSON.stringify([{ id, title: 'Stored', updatedAt: new Date().toISOString() }]),
  );
  localStorage.setItem(`aipm-guide.v1.conversation.${id}`, JSON.stringify(messages));
  localStorage.setItem('aipm-guide.v1.active', id);
}

export const SEARCH_HEALTH: HealthResponse = {
  status: 'ok',
  mode: 'search',
  model: null,
  docs: 1,
  chunks: 30,
  version: '0.1.0',
};

/** An AI SDK UI message stream (SSE) carrying the given chunks, as the server's /api/chat sends it. */
export function uiMessageStreamResponse(chunks: object[]): Response {
  const body = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
  return new HttpResponse(body, {
    headers: { 'Content-Type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
  });
}

/** /api/chat streaming one complete search-mode answer whose [1] cites the sourdough-baker section. */
export function citedSearchAnswer(messageId: string, text: string): Response {
  return uiMessageStreamResponse([
    { type: 'start', messageId, messageMetadata: { mode: 'search', retrievalMs: 0 } },
    { type: 'data-citations', id: 'citations', data: citationsData([makeCitation({ n: 1 })]) },
    { type: 'text-start', id: 'answer' },
    { type: 'text-delta', id: 'answer', delta: text },
    { type: 'text-end', id: 'answer' },
    { type: 'message-metadata', messageMetadata: SEARCH_METADATA },
    { type: 'finish', finishReason: 'stop' },
  ]);
}

/** Renders a page as the app does: inside the reader's language (English unless a test says otherwise). */
export function renderInLocale(ui: ReactElement, locale: Locale = 'en') {
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(I18nProvider, { initial: locale, children });
  return render(ui, { wrapper });
}
