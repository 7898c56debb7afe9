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

/** A section of the founding corpus document, verbatim. */
export const APPLICATION_PM_TEXT = [
  '### 3. AI 应用产品经理（Application PM）',
  '',
  '> 当前市场中**需求量最高、应用最广**的一类。',
  '',
  '#### 需求量',
  '',
  '* 最高',
  '* 初创公司、B 端 SaaS、AI 应用公司大量需要',
  '* 非 CS 背景进入友好',
].join('\n');

export const APPLICATION_PM_ID = 'ai-pm-roles.zh#3-ai-应用产品经理application-pm';
export const DOC_TITLE = 'AI 产品经理做什么？他们和模型的关系是什么？';
const ROLE_HEADINGS = [DOC_TITLE, '一、AI 产品经理的主要分类（业内常见 5 类）'];

/** The half-open span of `passage` inside `text` (throws when absent, so fixtures stay honest). */
export function spanOf(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return { start, end: start + passage.length };
}

export function makeCitation(overrides: Partial<Citation> & { n: number }): Citation {
  return {
    id: APPLICATION_PM_ID,
    docId: 'ai-pm-roles.zh',
    docTitle: DOC_TITLE,
    headings: [...ROLE_HEADINGS, '3. AI 应用产品经理（Application PM）'],
    anchor: '3-ai-应用产品经理application-pm',
    text: APPLICATION_PM_TEXT,
    score: 1,
    highlights: [spanOf(APPLICATION_PM_TEXT, '初创公司、B 端 SaaS、AI 应用公司大量需要')],
    citedBy: ['应用型 AI 产品经理需求量最高。'],
    ...overrides,
  };
}

export function makeSection(overrides: Partial<SectionResponse> = {}): SectionResponse {
  const outline = [
    {
      id: 'ai-pm-roles.zh#2-platform',
      headings: [...ROLE_HEADINGS, '2. AI 能力平台 / 基础设施 PM（AI Platform PM）'],
      anchor: '2-platform',
      depth: 3,
    },
    {
      id: APPLICATION_PM_ID,
      headings: [...ROLE_HEADINGS, '3. AI 应用产品经理（Application PM）'],
      anchor: '3-app',
      depth: 3,
    },
    {
      id: 'ai-pm-roles.zh#4-vertical',
      headings: [...ROLE_HEADINGS, '4. 行业 / 垂直领域 AI 产品经理（Vertical AI PM）'],
      anchor: '4-vertical',
      depth: 3,
    },
  ];
  return {
    id: APPLICATION_PM_ID,
    docId: 'ai-pm-roles.zh',
    docTitle: DOC_TITLE,
    headings: [...ROLE_HEADINGS, '3. AI 应用产品经理（Application PM）'],
    anchor: '3-app',
    text: APPLICATION_PM_TEXT,
    start: 1000,
    end: 1000 + APPLICATION_PM_TEXT.length,
    document: { id: 'ai-pm-roles.zh', title: DOC_TITLE, outline },
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

/** /api/chat streaming one complete search-mode answer whose [1] cites the Application PM section. */
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
