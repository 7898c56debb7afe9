import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { type CreateRetrieverOptions, createRetriever } from './create-retriever.js';
import { loadCorpus } from './load-corpus.js';
import type { ExplainableRetriever } from './types.js';
import { readGlossary, type TermGroup } from './vocabulary.js';

/** The optional glossary an operator puts beside their documents: `{ "groups": [["term", "术语"], …] }`. */
export const GLOSSARY_FILE = 'glossary.json';

/** `createRetriever`'s options with the corpus read from `corpusDir` (the server's `snapshotDir`: `<DATA_DIR>/index`). */
export type BuildRetrieverOptions = Omit<CreateRetrieverOptions, 'documents' | 'glossary'> & {
  corpusDir: string;
};

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
  const { corpusDir, ...rest } = options;
  const [documents, glossary] = await Promise.all([
    loadCorpus({ dir: corpusDir, logger: rest.logger, cacheDir: rest.snapshotDir }),
    corpusGlossary(corpusDir, rest.logger),
  ]);
  return createRetriever({ ...rest, documents, glossary });
}
