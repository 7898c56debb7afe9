import { describe, expect, it } from 'vitest';
import { createChatModel } from '../../../server/answer/create-chat-model.js';
import { llmSettings } from './fixtures/chat-input.js';

function providerOf(model: ReturnType<typeof createChatModel>): string | undefined {
  const languageModel = model?.languageModel;
  return typeof languageModel === 'object' && 'provider' in languageModel
    ? languageModel.provider
    : undefined;
}

describe('creating the chat model', () => {
  it('returns null without an API key: the app runs in search mode', () => {
    expect(createChatModel(llmSettings({ apiKey: null }))).toBeNull();
  });

  it('speaks Chat Completions by default, which every OpenAI-compatible server serves', () => {
    const model = createChatModel(llmSettings({ model: 'deepseek-chat' }));
    expect(model?.id).toBe('deepseek-chat');
    expect(providerOf(model)).toBe('openai.chat');
  });

  it('uses the Responses API only when asked to', () => {
    expect(providerOf(createChatModel(llmSettings({ api: 'responses' })))).toBe('openai.responses');
  });
});
