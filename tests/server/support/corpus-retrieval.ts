import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '../../../server/logger.js';
import { buildRetriever } from '../../../server/retrieval/build-retriever.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';

/** The real corpus directory, whatever the working directory. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../corpus', import.meta.url));

let retriever: Promise<ExplainableRetriever> | undefined;

/** The real retriever over corpus/, built once per test file. */
export function corpusRetriever(): Promise<ExplainableRetriever> {
  const built = retriever ?? buildRetriever({ corpusDir: CORPUS_DIR, logger: createMemoryLogger() });
  retriever = built;
  return built;
}
