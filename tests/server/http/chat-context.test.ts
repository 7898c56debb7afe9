import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract.js';
import { brewingRetriever, sectionId } from '../answer/fixtures/brewing-guide.js';
import { createTestApp } from '../support/create-test-app.js';
import { readChunks } from '../support/ui-stream.js';

let testApp: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  testApp = await createTestApp({ retriever: await brewingRetriever() });
});
afterAll(() => testApp.close());

function postChat(body: unknown) {
  return testApp.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const followUp = (context: unknown) => ({
  id: 'chat-ctx',
  messages: [
    { id: 'm1', role: 'user', parts: [{ type: 'text', text: '意式浓缩上手难吗？' }] },
    { id: 'm2', role: 'assistant', parts: [{ type: 'text', text: '中等 [1]' }] },
    { id: 'm3', role: 'user', parts: [{ type: 'text', text: '那它需要什么器具呢？' }] },
  ],
  ...(context === undefined ? {} : { context }),
});

async function understoodOf(response: Response) {
  const chunks = await readChunks(response);
  const part = chunks.find((chunk) => chunk.type === ('data-understood' as string)) as unknown as
    | { data: { subjects: string[]; aspect: string | null } }
    | undefined;
  return part?.data;
}

describe("POST /api/chat with the previous answer's cited sections", () => {
  it('resolves the follow-up to the subject of the cited section, over what the question alone suggests', async () => {
    const cited = await sectionId('手冲（Pour Over）', '上手难度');

    const response = await postChat(followUp({ sectionIds: [cited] }));

    expect(response.status).toBe(200);
    expect(await understoodOf(response)).toMatchObject({
      subjects: ['手冲（Pour Over）'],
      aspect: '所需器具',
    });
  });

  it('ignores ids the index does not hold, as after a corpus reload, and still answers', async () => {
    const response = await postChat(followUp({ sectionIds: ['brewing.zh#gone', 'nowhere#at-all'] }));

    expect(response.status).toBe(200);
    expect(await understoodOf(response)).toMatchObject({ subjects: ['意式浓缩（Espresso）'] });
  });

  it.each([
    ['more than eight ids', { sectionIds: Array.from({ length: 9 }, (_, index) => `doc#s${index}`) }],
    ['ids that are not strings', { sectionIds: [42] }],
    ['no id list', {}],
  ])('answers 400 for %s', async (_label, context) => {
    const response = await postChat(followUp(context));

    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
  });
});
