import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { createRetriever } from './create-retriever.js';
import { type Glossary, loadGlossary } from './glossary.js';
import { loadCorpus } from './load-corpus.js';
import type { ExplainableRetriever } from './types.js';

/** The glossary file name looked up inside the corpus directory. */
export const GLOSSARY_FILE = 'glossary.json';

export interface BuildRetrieverOptions {
  corpusDir: string;
  logger: Logger;
  /** Defaults to `<corpusDir>/glossary.json`; without a glossary, English questions reach only English text. */
  glossaryPath?: string;
}

const EMPTY_GLOSSARY: Glossary = { generic: [], filler: [], entries: [] };

async function readGlossary(file: string, logger: Logger): Promise<Glossary> {
  try {
    await access(file);
  } catch {
    logger.warn('glossary_missing', { file, note: 'searching without query expansion' });
    return EMPTY_GLOSSARY;
  }
  return loadGlossary(file);
}

/**
 * Loads `corpus/**\/*.md`, chunks it by heading and indexes it: the one call the server, the eval and the
 * tests use. A malformed glossary throws (a deploy error); bad Markdown files are logged and skipped.
 */
export async function buildRetriever(options: BuildRetrieverOptions): Promise<ExplainableRetriever> {
  const { corpusDir, logger } = options;
  const glossaryPath = options.glossaryPath ?? path.join(corpusDir, GLOSSARY_FILE);
  const [documents, glossary] = await Promise.all([
    loadCorpus({ dir: corpusDir, logger }),
    readGlossary(glossaryPath, logger),
  ]);
  return createRetriever({ documents, glossary, logger });
}
