import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../server/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('embeddings configuration', () => {
  it('is off without EMBEDDING_MODEL, whatever else is set', () => {
    expect(loadConfig({ EMBEDDING_BASE_URL: 'http://localhost:11434/v1' }).embeddings).toBeNull();
  });

  it('borrows the OpenAI base URL and key when it has none of its own', () => {
    const config = loadConfig({
      EMBEDDING_MODEL: 'text-embedding-3-small',
      OPENAI_API_KEY: 'sk-chat-key',
      OPENAI_BASE_URL: 'https://llm.example.com/v1',
    });

    expect(config.embeddings).toMatchObject({
      model: 'text-embedding-3-small',
      baseURL: 'https://llm.example.com/v1',
      apiKey: 'sk-chat-key',
      batchSize: 64,
      minSimilarity: null,
      declineBelow: null,
    });
  });

  it('takes its own endpoint, key, batch size, deadline and similarity over the OpenAI ones', () => {
    const config = loadConfig({
      EMBEDDING_MODEL: 'bge-m3',
      EMBEDDING_BASE_URL: 'http://localhost:11434/v1',
      EMBEDDING_API_KEY: 'ollama',
      EMBEDDING_BATCH_SIZE: '16',
      EMBEDDING_QUERY_TIMEOUT_MS: '800',
      EMBEDDING_MIN_SIMILARITY: '0.55',
      EMBEDDING_DECLINE_BELOW: '0.2',
      OPENAI_API_KEY: 'sk-chat-key',
    });

    expect(config.embeddings).toEqual({
      model: 'bge-m3',
      baseURL: 'http://localhost:11434/v1',
      apiKey: 'ollama',
      batchSize: 16,
      queryTimeoutMs: 800,
      minSimilarity: 0.55,
      declineBelow: 0.2,
    });
  });

  it('refuses to start with an EMBEDDING_BASE_URL that is not an http(s) URL, naming the variable', () => {
    for (const url of ['localhost:11434', 'ftp://example.com/v1', 'not a url']) {
      const problems = problemsOf({ EMBEDDING_MODEL: 'bge-m3', EMBEDDING_BASE_URL: url });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^EMBEDDING_BASE_URL: must be an http:\/\/ or https:\/\/ URL/);
    }
  });

  it('refuses OpenAI embeddings without any key, and out-of-range numbers', () => {
    expect(problemsOf({ EMBEDDING_MODEL: 'text-embedding-3-small' })[0]).toMatch(
      /^EMBEDDING_MODEL: OpenAI embeddings need EMBEDDING_API_KEY or OPENAI_API_KEY/,
    );
    expect(problemsOf({ EMBEDDING_MODEL: 'm', OPENAI_API_KEY: 'k', EMBEDDING_BATCH_SIZE: '0' })[0]).toMatch(
      /^EMBEDDING_BATCH_SIZE/,
    );
    expect(
      problemsOf({ EMBEDDING_MODEL: 'm', OPENAI_API_KEY: 'k', EMBEDDING_MIN_SIMILARITY: 'high' })[0],
    ).toMatch(/^EMBEDDING_MIN_SIMILARITY/);
  });
});
