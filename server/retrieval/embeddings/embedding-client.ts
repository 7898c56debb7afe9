import { createOpenAI } from '@ai-sdk/openai';
import { embed, embedMany } from 'ai';
import type { EmbeddingsConfig } from '../../config.js';

/** An OpenAI-compatible `/v1/embeddings` endpoint, as retrieval uses it. */
export interface EmbeddingClient {
  readonly model: string;
  /** One request for a batch of chunk texts (the caller bounds its size); retried on transient faults. */
  embedBatch(values: string[], signal: AbortSignal): Promise<number[][]>;
  /** A question's vector: no retries, the search is waiting. */
  embedQuery(value: string, signal: AbortSignal): Promise<number[]>;
}

/** Local servers (Ollama, vLLM) take any key; the SDK refuses to send none. */
const NO_KEY = 'none';
/** Index time can wait out a brief outage; the backoff is the SDK's (2 s, 4 s). */
const BATCH_RETRIES = 2;

/**
 * The AI SDK's OpenAI provider's embedding model at `baseURL`: OpenAI itself, Ollama, DashScope's
 * compatible mode and vLLM all serve the same `POST {baseURL}/embeddings`.
 */
export function createEmbeddingClient(config: EmbeddingsConfig): EmbeddingClient {
  const provider = createOpenAI({
    apiKey: config.apiKey ?? NO_KEY,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
  });
  const model = provider.embedding(config.model);
  return {
    model: config.model,
    async embedBatch(values, signal) {
      const { embeddings } = await embedMany({
        model,
        values,
        maxRetries: BATCH_RETRIES,
        maxParallelCalls: 1,
        abortSignal: signal,
      });
      return embeddings;
    },
    async embedQuery(value, signal) {
      const { embedding } = await embed({ model, value, maxRetries: 0, abortSignal: signal });
      return embedding;
    },
  };
}
