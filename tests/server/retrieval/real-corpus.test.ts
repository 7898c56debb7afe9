import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../server/logger.js';
import { chunkDocument, isEmptySection } from '../../../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../../../server/retrieval/load-corpus.js';
import type { Chunk, ExplainableRetriever } from '../../../server/retrieval/types.js';
import { CORPUS_DIR, corpusRetriever } from '../support/corpus-retrieval.js';

let retriever: ExplainableRetriever;
let chunks: Chunk[];

beforeAll(async () => {
  retriever = await corpusRetriever();
  const documents = await loadCorpus({ dir: CORPUS_DIR, logger: createMemoryLogger() });
  chunks = documents.flatMap((document) => chunkDocument(document));
});

/** General behaviour only: the corpus may change, so no section ids or phrases of it appear here. */
describe('the retriever over the shipped corpus', () => {
  it('indexes every document and section', () => {
    expect(retriever.stats.docs).toBeGreaterThan(0);
    expect(retriever.stats.chunks).toBe(chunks.length);
  });

  it('never returns a heading-only section, even when asked for its very heading', async () => {
    const outlineOnly = chunks.filter(isEmptySection).slice(0, 10);
    for (const chunk of outlineOnly) {
      const response = await retriever.search(chunk.headings.at(-1) ?? '', { limit: 20 });
      expect(response.results.map((result) => result.id)).not.toContain(chunk.id);
      expect(retriever.section(chunk.id)?.id).toBe(chunk.id);
    }
  });

  it('returns each passage with the exact text section(id) opens', async () => {
    const withBody = chunks
      .filter((chunk) => !isEmptySection(chunk) && chunk.headings.length > 0)
      .slice(0, 5);
    for (const chunk of withBody) {
      const response = await retriever.search(chunk.headings.at(-1) ?? '', { limit: 5 });
      for (const result of response.results) expect(retriever.section(result.id)?.text).toBe(result.text);
    }
  });

  it('judges questions far from its topic not answerable', async () => {
    for (const question of [
      'When did the last volcano on Iceland erupt?',
      '猫咪掉毛严重怎么办',
      'Which knitting needles suit wool socks?',
    ]) {
      expect((await retriever.search(question)).answerable, question).toBe(false);
    }
  });
});
