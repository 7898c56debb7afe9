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

  it('reads the keys and public URL other clients use, refusing a key short enough to guess', () => {
    const config = loadConfig({
      API_KEYS: ' first-key-0123456789 ,second-key-0123456789,',
      PUBLIC_BASE_URL: 'https://guide.example/',
      TRUST_PROXY: 'true',
    });
    expect(config.apiKeys).toEqual(['first-key-0123456789', 'second-key-0123456789']);
    expect(config.publicBaseUrl).toBe('https://guide.example');
    expect(config.trustProxy).toBe(true);
    expect(loadConfig({ API_KEYS: '', PUBLIC_BASE_URL: '' })).toMatchObject({
      apiKeys: [],
      publicBaseUrl: null,
    });
    expect(() => loadConfig({ API_KEYS: 'short', PUBLIC_BASE_URL: 'ftp://x' })).toThrow(
      expect.objectContaining({
        problems: [expect.stringMatching(/^API_KEYS: /), expect.stringMatching(/^PUBLIC_BASE_URL: /)],
      }),
    );
  });
});
