import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('runs keyless in search mode on port 8787 when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', corpusDir: 'corpus', adminToken: null });
    expect(config.llm).toMatchObject({
      apiKey: null,
      baseURL: null,
      api: 'chat',
      firstTokenTimeoutMs: 15_000,
    });
  });

  it('treats the empty values of a copied .env.example as unset', () => {
    const config = loadConfig({ OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ADMIN_TOKEN: ' ', LLM_PRICES: '' });
    expect(config.llm.apiKey).toBeNull();
    expect(config.llm.baseURL).toBeNull();
    expect(config.adminToken).toBeNull();
    expect(config.llm.prices).toEqual({});
  });

  it('reads a provider and a price table', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'https://api.deepseek.com/v1',
      OPENAI_MODEL: 'deepseek-chat',
      OPENAI_API: 'responses',
      LLM_PRICES: '{"deepseek-chat":{"input":0.27,"output":1.1}}',
    });
    expect(config.llm).toMatchObject({
      apiKey: 'sk-test',
      baseURL: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
      api: 'responses',
      prices: { 'deepseek-chat': { input: 0.27, output: 1.1 } },
    });
  });

  it('fails fast listing every bad variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        PORT: 'eighty',
        OPENAI_BASE_URL: 'not a url',
        OPENAI_API: 'graphql',
        LLM_PRICES: '{broken',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    const named = problems.map((problem) => problem.split(':')[0]);
    expect(named).toEqual(
      expect.arrayContaining(['PORT', 'OPENAI_BASE_URL', 'OPENAI_API', 'LLM_PRICES', 'LOG_LEVEL']),
    );
  });
});
