import type { SearchResponse, SearchResult } from '../contract.js';
import type { Logger } from '../logger.js';
import { chunkDocument, isEmptySection } from './chunk-markdown.js';
import { createChunkProfiles } from './chunk-profiles.js';
import { compileGlossary } from './compile-glossary.js';
import { computeCorpusStats } from './corpus-stats.js';
import type { Glossary } from './glossary.js';
import { createHanTypoCorrector } from './han-typos.js';
import { createOramaIndex } from './orama-index.js';
import type { RankedChunk } from './rank-chunks.js';
import { explainRanking, rankQuery, type SearchPipelineParts } from './search-pipeline.js';
import { createSectionIndex } from './section-view.js';
import { createSpellingCorrector } from './spelling.js';
import { stemWord, stopwords } from './tokenizer.js';
import type { Chunk, ExplainableRetriever, SearchOptions, SourceDocument } from './types.js';

const DEFAULT_LIMIT = 5;

export interface CreateRetrieverOptions {
  documents: SourceDocument[];
  glossary: Glossary;
  logger: Logger;
}

function toResult({ chunk, score }: RankedChunk): SearchResult {
  const { id, docId, docTitle, headings, anchor, text } = chunk;
  return { id, docId, docTitle, headings, anchor, text, score: Math.round(score * 1e4) / 1e4 };
}

/** The Latin words query analysis understands, as typed and stemmed: what a typo is corrected towards. */
function glossaryWords(glossary: Glossary): Set<string> {
  const texts = [
    ...glossary.entries.flatMap((entry) => entry.terms),
    ...glossary.generic.flatMap((entry) => entry.terms),
    ...glossary.filler,
    ...(glossary.negation ?? []),
    ...(glossary.persona ?? []),
  ];
  const words = new Set<string>(stopwords());
  const latin =
    texts
      .join(' ')
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  for (const word of latin) words.add(word).add(stemWord(word));
  return words;
}

async function createPipelineParts(input: {
  chunks: Chunk[];
  indexed: Chunk[];
  glossary: Glossary;
}): Promise<SearchPipelineParts> {
  const stats = computeCorpusStats(input.indexed);
  const matcher = compileGlossary(input.glossary);
  const latin = createSpellingCorrector({
    targets: glossaryWords(input.glossary),
    alsoKnown: stats.documentFrequency.keys(),
  });
  const han = createHanTypoCorrector({ matcher, knows: (token) => stats.documentFrequency.has(token) });
  return {
    index: await createOramaIndex(input.indexed),
    stats,
    matcher,
    speller: { ...latin, correct: (normalized) => han.correct(latin.correct(normalized)) },
    fieldsOf: createChunkProfiles(input.chunks),
  };
}

function limitOf(options: SearchOptions): number {
  return Math.max(1, options.limit ?? DEFAULT_LIMIT);
}

/**
 * Chunks and indexes documents and returns the retriever: questions are spell-fixed (one-letter typos, see
 * spelling.ts; one-character Chinese typos of role names, see han-typos.ts) and analyzed into concepts;
 * Orama BM25 (exact terms, boosted headings) finds candidates, `rankCandidates` orders them by where the
 * question's concepts sit in the heading path, and `judgeCoverage` (thresholds in `ANSWERABILITY`) decides
 * whether the corpus covers the question. Empty heading-only sections are outline entries (`section(id)` finds them) but never search results.
 */
export async function createRetriever(options: CreateRetrieverOptions): Promise<ExplainableRetriever> {
  const { documents, glossary, logger } = options;
  const started = performance.now();
  const chunks = documents.flatMap((document) => chunkDocument(document));
  const indexed = chunks.filter((chunk) => !isEmptySection(chunk));
  const parts = await createPipelineParts({ chunks, indexed, glossary });
  const sections = createSectionIndex(documents, chunks);
  logger.info('retrieval_indexed', {
    documents: documents.length,
    chunks: chunks.length,
    indexed: indexed.length,
    glossaryEntries: glossary.entries.length,
    ms: Math.round(performance.now() - started),
  });
  return {
    stats: { docs: documents.length, chunks: chunks.length },
    section: sections.section,
    async search(query: string, searchOptions: SearchOptions = {}): Promise<SearchResponse> {
      const startedAt = performance.now();
      const { ranked, judgement } = rankQuery(query, parts);
      const results = ranked.slice(0, limitOf(searchOptions)).map(toResult);
      const tookMs = Math.round((performance.now() - startedAt) * 100) / 100;
      return { query, answerable: judgement.answerable, results, tookMs };
    },
    explain: (query, searchOptions = {}) =>
      explainRanking(rankQuery(query, parts), {
        limit: limitOf(searchOptions),
        stats: parts.stats,
        knowsDomain: parts.matcher.knowsDomain,
      }),
  };
}
