import type { Logger } from '../../logger.js';
import type { EmbeddingClient } from './embedding-client.js';

/** A question is embedded by its opening: the query analysis caps what it reads, and so does this. */
const QUERY_CHARS = 1_000;
/** Recent questions' vectors: a retried or repeated question costs no second call. */
const REMEMBERED = 256;

export interface QueryVectors {
  /** The question's vector, or undefined when the endpoint fails or misses the deadline (keyword search then). */
  vectorOf(query: string): Promise<number[] | undefined>;
}

function withDeadline<T>(call: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  // The timer rejects even if a transport ignores the signal: the search must never wait past it.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no vector within ${timeoutMs} ms`));
    }, timeoutMs);
    call(controller.signal)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

/**
 * Embeds questions under a short deadline. Any failure is silent to the reader — the search answers from
 * keywords — and logged once per outage: one `embeddings_query_failed` line, then nothing until a call works.
 */
export function createQueryVectors(
  client: EmbeddingClient,
  options: { timeoutMs: number; dimensions: number; logger: Logger },
): QueryVectors {
  const remembered = new Map<string, number[]>();
  let failing = false;
  return {
    async vectorOf(query) {
      const text = query.trim().slice(0, QUERY_CHARS);
      const known = remembered.get(text);
      if (known) return known;
      try {
        const vector = await withDeadline((signal) => client.embedQuery(text, signal), options.timeoutMs);
        if (vector.length !== options.dimensions)
          throw new Error(`vector of ${vector.length} dimensions, the index holds ${options.dimensions}`);
        if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
        remembered.set(text, vector);
        if (failing) options.logger.info('embeddings_query_recovered', { model: client.model });
        failing = false;
        return vector;
      } catch (error) {
        if (!failing)
          options.logger.warn('embeddings_query_failed', {
            model: client.model,
            message: error instanceof Error ? error.message.slice(0, 200) : String(error),
          });
        failing = true;
        return undefined;
      }
    },
  };
}
