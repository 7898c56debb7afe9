import type { SearchResponse, SearchResult } from '../contract.js';
import type { Logger } from '../logger.js';
import { alignEditions, preferQuestionEdition } from './align-editions.js';
import { analyzeQuery, type QueryResources } from './analyze-query.js';
import { chunkDocument, isEmptySection } from './chunk-markdown.js';
import { buildTranslator } from './cross-lingual.js';
import { fuseHybrid } from './embeddings/fuse-hybrid.js';
import { type HybridOptions, type HybridSearch, prepareHybrid } from './embeddings/hybrid-search.js';
import { fuseForms, MAX_REWRITES } from './fuse-forms.js';
import { sectionHeadingsWork } from './heading-match.js';
import { readSnapshot, snapshotKey, writeSnapshot } from './index-snapshot.js';
import { coverageConcepts, judgeCoverage } from './judge-coverage.js';
import { documentLengthNorms } from './length-norms.js';
import { createOramaIndex, type OramaIndex } from './orama-index.js';
import { mapPaced, runPaced } from './pacer.js';
import { namedConcepts } from './proper-names.js';
import { ALL_RULES, type RetrievalRules } from './rules.js';
import { boostScope } from './scope-boost.js';
import { conceptImportance, scoreSections } from './score-sections.js';
import { buildGuideViews } from './section-view.js';
import { detectLanguage, isGlueBigram } from './text.js';
import type {
  Chunk,
  ExplainableRetriever,
  SearchExplanation,
  SearchOptions,
  SourceDocument,
} from './types.js';
import { createVocabulary, domainGroups, type TermGroup } from './vocabulary.js';

const DEFAULT_LIMIT = 5;

export interface CreateRetrieverOptions {
  documents: SourceDocument[];
  /** Term groups of the operator's corpus glossary, added to the vocabulary that ships with the product. */
  glossary?: TermGroup[];
  logger: Logger;
  /** For the eval's ablation only: the product runs with every rule on. */
  rules?: Partial<RetrievalRules>;
  /** Where index snapshots are kept; without it the index is always built. */
  snapshotDir?: string;
  /** An embeddings endpoint: search becomes hybrid (keywords + vectors); without it, keywords alone. */
  embeddings?: HybridOptions;
}

async function openIndex(
  indexed: Chunk[],
  options: CreateRetrieverOptions,
  groups: TermGroup[],
  hybrid: HybridSearch | undefined,
) {
  const { snapshotDir, documents, logger } = options;
  const vectors = hybrid?.vectors;
  if (!snapshotDir) return { index: await createOramaIndex(indexed, undefined, vectors), snapshot: 'off' };
  const key = snapshotKey(documents, groups, hybrid?.identity);
  const saved = await readSnapshot(snapshotDir, key, logger);
  const index = await createOramaIndex(indexed, saved, vectors);
  if (!saved) await writeSnapshot(snapshotDir, key, await index.snapshot(), logger);
  return { index, snapshot: saved ? 'loaded' : 'written' };
}

/** `guide.zh.md` is Chinese and `guide.en.md` English by name; otherwise the text's scripts decide. */
export function documentLanguage(document: SourceDocument): 'zh' | 'en' {
  const suffix = /\.(zh|en)(?:[-_][a-z]+)?$/i.exec(document.id)?.[1]?.toLowerCase();
  return suffix === 'zh' || suffix === 'en' ? suffix : detectLanguage(document.text.slice(0, 20_000));
}

function holdsChinese(index: OramaIndex): (word: string) => boolean {
  return (word) => {
    const characters = [...word];
    let pairs = 0;
    for (let at = 0; at + 1 < characters.length; at++) {
      const pair = `${characters[at]}${characters[at + 1]}`;
      if (isGlueBigram(pair)) continue;
      if (index.documentFrequency(pair) === 0) return false;
      pairs += 1;
    }
    return pairs > 0;
  };
}

function toResult(chunk: Chunk, score: number): SearchResult {
  const { id, docId, docTitle, headings, anchor, text } = chunk;
  return { id, docId, docTitle, headings, anchor, text, score: Math.round(score * 1e4) / 1e4 };
}

/**
 * Chunks and indexes documents and returns the retriever. A question is analysed into concepts
 * (analyze-query.ts), Orama scores sections per concept (score-sections.ts) and one coverage judgment decides
 * whether the corpus answers it (judge-coverage.ts). Heading-only sections are outline entries that
 * `section(id)` finds but search never returns.
 */
export async function createRetriever(options: CreateRetrieverOptions): Promise<ExplainableRetriever> {
  const { documents, logger } = options;
  const rules = { ...ALL_RULES, ...options.rules };
  const started = performance.now();
  const chunked = await mapPaced(documents, (document) => chunkDocument(document));
  const chunks = alignEditions(documents, chunked.flat(), logger);
  const indexed = chunks.filter((chunk) => !isEmptySection(chunk));
  const groups = [...domainGroups(), ...(options.glossary ?? [])];
  const hybrid = options.embeddings ? await prepareHybrid(indexed, options.embeddings, logger) : undefined;
  const { index, snapshot } = await openIndex(indexed, options, groups, hybrid);
  const holds = (token: string) => index.documentFrequency(token) > 0;
  const languageOf = new Map(
    await mapPaced(documents, (document) => [document.id, documentLanguage(document)] as const),
  );
  const languages = indexed.map((chunk) => languageOf.get(chunk.docId) ?? 'en');
  const headings = await runPaced(sectionHeadingsWork(indexed));
  const lengthNorm = rules.documentLengths ? documentLengthNorms(indexed, index) : undefined;
  const resources: QueryResources = {
    vocabulary: createVocabulary(groups),
    translator: await buildTranslator(holds, holdsChinese(index)),
    holds,
    frequency: (token) => index.documentFrequency(token),
    rules,
  };
  const chooseEditions = preferQuestionEdition(indexed);
  const languageOfDocument = (docId: string) => languageOf.get(docId) ?? 'en';
  const { sections, outline, compare } = await buildGuideViews(documents, chunks, languageOfDocument);
  logger.info('retrieval_indexed', {
    documents: documents.length,
    chunks: chunks.length,
    indexed: indexed.length,
    vocabularyTerms: resources.vocabulary.size,
    snapshot,
    ...(options.embeddings ? { hybrid: hybrid !== undefined } : {}),
    ms: Math.round(performance.now() - started),
  });

  function rankForm(query: string) {
    const analyzed = analyzeQuery(query, resources);
    const importance = analyzed.concepts.map((concept) => conceptImportance(concept, index));
    const scored = scoreSections(analyzed, importance, { index, languages, headings, lengthNorm, rules });
    const judgment = judgeCoverage(scored, {
      ...coverageConcepts(analyzed, index),
      named: namedConcepts(
        query,
        analyzed.concepts.map((concept) => concept.label),
      ),
    });
    return { analyzed, importance, scored, judgment };
  }

  /** `nearest`: the vector leg of a hybrid search (absent in keyword search). */
  function rank(query: string, searchOptions: SearchOptions, nearest?: Array<[number, number]>) {
    const own = rankForm(query);
    const { analyzed, importance } = own;
    const rewrites = (searchOptions.rewrites ?? []).slice(0, MAX_REWRITES).map(rankForm);
    // Coverage is judged on the words: a nearest neighbour always exists, even for a question about sourdough.
    const { scored, judgment } = rewrites.length > 0 ? fuseForms(own, rewrites) : own;
    const scopeSectionId = searchOptions.scopeSectionId;
    // Coverage is judged on every edition; what is returned holds each aligned section once.
    const scope = scopeSectionId === undefined ? undefined : sections.chunk(scopeSectionId);
    const fused = nearest ? fuseHybrid(scored, nearest) : scored;
    const ranked = chooseEditions(
      boostScope(fused, indexed, scope),
      searchOptions.language ?? analyzed.language,
    );
    const byMeaning = hybrid?.answerableByMeaning(nearest);
    const covered = byMeaning === undefined ? judgment : { ...judgment, answerable: byMeaning };
    return { analyzed, importance, ranked, judgment: covered };
  }

  return {
    stats: { docs: documents.length, chunks: chunks.length },
    section: sections.section,
    outline: () => outline,
    compare: () => compare,
    languages: () => [...new Set(languageOf.values())].sort(),
    async search(query: string, searchOptions: SearchOptions = {}): Promise<SearchResponse> {
      const startedAt = performance.now();
      const nearest = await hybrid?.nearest(query, index);
      const { ranked, judgment } = rank(query, searchOptions, nearest);
      const limit = Math.max(1, searchOptions.limit ?? DEFAULT_LIMIT);
      const results = ranked.slice(0, limit).flatMap(({ position, score }) => {
        const chunk = indexed[position];
        return chunk ? [toResult(chunk, score)] : [];
      });
      const tookMs = Math.round((performance.now() - startedAt) * 100) / 100;
      return { query, answerable: judgment.answerable && results.length > 0, results, tookMs };
    },
    explain(query: string, searchOptions: SearchOptions = {}): SearchExplanation {
      const { analyzed, importance, ranked, judgment } = rank(query, searchOptions);
      return {
        language: analyzed.language,
        concepts: analyzed.concepts.map((concept, at) => ({
          label: concept.label,
          importance: Math.round((importance[at] ?? 0) * 100) / 100,
          alternatives: concept.alternatives.map(({ text, source, weight }) => ({ text, source, weight })),
        })),
        ...judgment,
        ranked: ranked.slice(0, searchOptions.limit ?? DEFAULT_LIMIT).map((section) => ({
          id: indexed[section.position]?.id ?? '',
          score: Math.round(section.score * 1e4) / 1e4,
          held: [...section.held].map((at) => analyzed.concepts[at]?.label ?? ''),
        })),
      };
    },
  };
}
