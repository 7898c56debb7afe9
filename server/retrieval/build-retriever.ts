import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { createRetriever } from './create-retriever.js';
import type { HybridOptions } from './embeddings/hybrid-search.js';
import { loadCorpus } from './load-corpus.js';
import type { RetrievalRules } from './rules.js';
import type { ExplainableRetriever } from './types.js';
import { readGlossary, type TermGroup } from './vocabulary.js';

/** The optional glossary an operator puts beside their documents: `{ "groups": [["term", "术语"], …] }`. */
export const GLOSSARY_FILE = 'glossary.json';

export interface BuildRetrieverOptions {
  corpusDir: string;
  logger: Logger;
  /** For the eval's ablation only. */
  rules?: Partial<RetrievalRules>;
  /** Where index snapshots are kept (the server passes `<DATA_DIR>/index`); without it the index is always built. */
  snapshotDir?: string;
  /** An embeddings endpoint for hybrid search (`hybridOptionsFrom(config.embeddings, dataDir)`). */
  embeddings?: HybridOptions;
}

async function corpusGlossary(corpusDir: string, logger: Logger): Promise<TermGroup[]> {
  const file = path.join(corpusDir, GLOSSARY_FILE);
  try {
    await access(file);
  } catch {
    return [];
  }
  const groups = await readGlossary(file);
  logger.info('glossary_loaded', { file, groups: groups.length });
  return groups;
}

/**
 * Loads `corpus/**\/*.md`, chunks it by heading and indexes it: the one call the server, the eval and the
 * tests use. A malformed glossary throws (a deploy error); bad Markdown files are logged and skipped.
 */
export async function buildRetriever(options: BuildRetrieverOptions): Promise<ExplainableRetriever> {
  const { corpusDir, logger } = options;
  const [documents, glossary] = await Promise.all([
    loadCorpus({ dir: corpusDir, logger, cacheDir: options.snapshotDir }),
    corpusGlossary(corpusDir, logger),
  ]);
  return createRetriever({
    documents,
    glossary,
    logger,
    rules: options.rules,
    snapshotDir: options.snapshotDir,
    ...(options.embeddings ? { embeddings: options.embeddings } : {}),
  });
}
