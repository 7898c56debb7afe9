import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryLogger } from '../../../server/logger.js';
import { analyzeQuery } from '../../../server/retrieval/analyze-query.js';
import { buildRetriever } from '../../../server/retrieval/build-retriever.js';
import { compileGlossary } from '../../../server/retrieval/compile-glossary.js';
import { type GlossaryMatcher, loadGlossary } from '../../../server/retrieval/glossary.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';

/** The real corpus directory, whatever the working directory. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../corpus', import.meta.url));
/** Chunk ids of the founding document start with this. */
export const ROLES_DOC = 'ai-pm-roles.zh#';

let retriever: Promise<ExplainableRetriever> | undefined;
let matcher: Promise<GlossaryMatcher> | undefined;

/** The real retriever over corpus/, built once per test file. */
export function corpusRetriever(): Promise<ExplainableRetriever> {
  const built = retriever ?? buildRetriever({ corpusDir: CORPUS_DIR, logger: createMemoryLogger() });
  retriever = built;
  return built;
}

/** The compiled glossary of corpus/glossary.json, built once per test file. */
export function corpusGlossaryMatcher(): Promise<GlossaryMatcher> {
  const compiled =
    matcher ??
    loadGlossary(path.join(CORPUS_DIR, 'glossary.json')).then((glossary) => compileGlossary(glossary));
  matcher = compiled;
  return compiled;
}

/** The concept labels a question is understood as (a label may name several concepts, `a|b`). */
export function conceptLabels(query: string, glossary: GlossaryMatcher): string[] {
  return analyzeQuery(query, glossary).concepts.flatMap((concept) => concept.label.split('|'));
}
