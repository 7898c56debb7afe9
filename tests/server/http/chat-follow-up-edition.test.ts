import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import type { ExplainableRetriever, SourceDocument } from '../../../server/retrieval/types.js';
import { createTestApp } from '../support/create-test-app.js';
import { readChunks, summarize } from '../support/ui-stream.js';

// One guide in two editions whose Chinese headings carry long English names: a follow-up resolved to such a
// heading reads as more Latin words than Han characters, yet the reader asked in Chinese.
const TEA_ZH = `# 茶饮指南

## 冲泡方式

### 冷泡茶（Cold Brew Iced Tea Method）

#### 所需器具

* 玻璃瓶和滤袋

#### 上手难度

* 很容易，放进冰箱即可

### 功夫茶（Gongfu Style Tea Brewing）

#### 所需器具

* 盖碗和公道杯

#### 上手难度

* 需要反复练习出汤时间
`;

const TEA_EN = `# Tea Guide

## Brewing Methods

### Cold Brew Iced Tea Method

#### Equipment

* A glass jar and filter bags

#### Difficulty

* Very easy: leave it in the fridge

### Gongfu Style Tea Brewing

#### Equipment

* A gaiwan and a fairness pitcher

#### Difficulty

* Pouring times take practice
`;

const documents: SourceDocument[] = [
  { id: 'tea.zh', title: '茶饮指南', path: 'tea.zh.md', text: TEA_ZH },
  { id: 'tea.en', title: 'Tea Guide', path: 'tea.en.md', text: TEA_EN },
];

let retriever: ExplainableRetriever;
let testApp: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  retriever = await createRetriever({ documents, logger: createMemoryLogger() });
  testApp = await createTestApp({ retriever });
});
afterAll(() => testApp.close());

async function ask(messages: Array<{ role: 'user' | 'assistant'; text: string }>, sectionIds: string[]) {
  const response = await testApp.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'tea-chat',
      messages: messages.map((message, index) => ({
        id: `m${index}`,
        role: message.role,
        parts: [{ type: 'text', text: message.text }],
      })),
      context: { sectionIds },
    }),
  });
  expect(response.status).toBe(200);
  return summarize(await readChunks(response));
}

describe('a follow-up resolved to a heading with English words in it', () => {
  it('is answered from the edition in the language the reader asked in', async () => {
    const first = (await retriever.search('功夫茶需要什么器具？')).results[0];
    expect(first?.docId).toBe('tea.zh');

    const { citations } = await ask(
      [
        { role: 'user', text: '功夫茶需要什么器具？' },
        { role: 'assistant', text: '盖碗和公道杯 [1]' },
        { role: 'user', text: '那它上手难吗？' },
      ],
      [first?.id ?? ''],
    );

    expect(citations.citations[0]).toMatchObject({ docId: 'tea.zh' });
    expect(citations.citations.every((citation) => citation.docId === 'tea.zh')).toBe(true);
  });

  it('stays in English for a reader who asked in English', async () => {
    const first = (await retriever.search('What equipment does gongfu style brewing need?')).results[0];
    expect(first?.docId).toBe('tea.en');

    const { citations } = await ask(
      [
        { role: 'user', text: 'What equipment does gongfu style brewing need?' },
        { role: 'assistant', text: 'A gaiwan and a fairness pitcher [1]' },
        { role: 'user', text: 'And how hard is it?' },
      ],
      [first?.id ?? ''],
    );

    expect(citations.citations[0]).toMatchObject({ docId: 'tea.en' });
  });
});
