import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareResponse, ErrorBody, OutlineResponse } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import { createRetriever } from '../../../server/retrieval/create-retriever.js';
import { breadsEn, breadsZh, gardenNotes } from '../retrieval/fixtures/template-corpus.js';
import { createTestApp } from '../support/create-test-app.js';
import { readChunks, summarize } from '../support/ui-stream.js';

let testApp: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  const retriever = await createRetriever({
    documents: [breadsEn, breadsZh, gardenNotes],
    logger: createMemoryLogger(),
  });
  testApp = await createTestApp({ retriever });
});
afterAll(() => testApp.close());

const askFrom = (text: string, sectionId?: string) =>
  testApp.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'chat-1',
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text }] }],
      ...(sectionId === undefined ? {} : { sectionId }),
    }),
  });

describe('GET /api/outline', () => {
  it('gives the browser every document’s table of contents', async () => {
    const response = await testApp.app.request('/api/outline');
    expect(response.status).toBe(200);
    const body = (await response.json()) as OutlineResponse;
    expect(body.documents.map((document) => document.title)).toEqual([
      'Home Baking',
      '家庭烘焙',
      'Garden Notes',
    ]);
    expect(body.documents[0]?.outline[0]).toMatchObject({ id: 'breads.en#home-baking', depth: 1 });
  });
});

describe('GET /api/compare', () => {
  it('returns the sibling tables of both editions', async () => {
    const body = (await (await testApp.app.request('/api/compare')).json()) as CompareResponse;
    expect(body.groups.map((group) => [group.docId, group.columns.length, group.rows.length])).toEqual([
      ['breads.en', 3, 4],
      ['breads.zh', 3, 4],
    ]);
  });
});

describe('POST /api/chat with a section to ask from', () => {
  it('answers from the scoped section first', async () => {
    const response = await askFrom('How long is the rise time?', 'breads.en#2-brioche');
    expect(response.status).toBe(200);
    const { citations } = summarize(await readChunks(response));
    expect(citations.citations[0]?.id).toBe('breads.en#rise-time-2');
  });

  it('refuses a section the guide does not hold with a 400 that says so', async () => {
    const response = await askFrom('How long is the rise time?', 'breads.en#no-such-section');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toContain('sectionId');
  });

  it('refuses a malformed section id', async () => {
    const response = await askFrom('How long is the rise time?', '');
    expect(response.status).toBe(400);
  });
});
