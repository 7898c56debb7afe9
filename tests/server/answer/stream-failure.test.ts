import { describe, expect, it } from 'vitest';
import { streamChatAnswer } from '../../../server/answer/stream-chat-answer.js';
import { createMemoryLogger } from '../../../server/logger.js';
import type { Retriever } from '../../../server/retrieval/types.js';
import { readChunks } from '../support/ui-stream.js';
import { conversation, llmSettings } from './fixtures/chat-input.js';

describe('when retrieval itself fails', () => {
  it('ends the stream with a safe error and logs the cause with the request id', async () => {
    const broken: Retriever = {
      stats: { docs: 0, chunks: 0 },
      search: async () => {
        throw new Error('index file is corrupt at /secret/path');
      },
      section: () => undefined,
    };
    const logger = createMemoryLogger();

    const response = streamChatAnswer({
      messages: conversation('模型型产品经理做什么？'),
      retriever: broken,
      model: null,
      llm: llmSettings({ apiKey: null }),
      logger,
      requestId: 'req-broken',
      signal: new AbortController().signal,
    });
    const chunks = await readChunks(response);

    expect(chunks.at(-1)).toEqual({ type: 'error', errorText: 'Something went wrong on our side' });
    expect(JSON.stringify(chunks)).not.toContain('/secret/path');
    expect(logger.lines).toMatchObject([{ level: 'error', event: 'chat_failed', requestId: 'req-broken' }]);
  });
});
