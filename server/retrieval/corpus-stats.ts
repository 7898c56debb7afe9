import { chunkBody } from './chunk-profiles.js';
import { headingTopic } from './markdown-headings.js';
import { tokenize } from './tokenizer.js';
import type { Chunk } from './types.js';

/** Token statistics of the indexed chunks. */
export interface CorpusStats {
  chunkCount: number;
  /** Chunks whose own text (heading line + body) holds the token: evidence, for idf. */
  documentFrequency: Map<string, number>;
  /** Chunks whose indexed fields hold the token, parent headings included: Orama's posting list size. */
  postingFrequency: Map<string, number>;
}

function increment(counts: Map<string, number>, token: string): void {
  counts.set(token, (counts.get(token) ?? 0) + 1);
}

/**
 * Counts tokens per chunk. Parent headings are shared context, not evidence, so they stay out of the
 * document frequency, but they are indexed, so they count in the posting frequency that costs search time.
 */
export function computeCorpusStats(chunks: Chunk[]): CorpusStats {
  const documentFrequency = new Map<string, number>();
  const postingFrequency = new Map<string, number>();
  const headingTokens = new Map<string, string[]>();
  const tokensOf = (heading: string) => {
    const cached = headingTokens.get(heading);
    if (cached) return cached;
    const tokens = tokenize(headingTopic(heading));
    headingTokens.set(heading, tokens);
    return tokens;
  };
  for (const chunk of chunks) {
    const ownHeading = chunk.depth === 0 ? [] : tokensOf(chunk.headings.at(-1) ?? '');
    const own = new Set([...ownHeading, ...tokenize(chunkBody(chunk))]);
    const indexed = new Set([
      ...own,
      ...chunk.headings.slice(0, -1).flatMap(tokensOf),
      ...tokensOf(chunk.docTitle),
    ]);
    for (const token of own) increment(documentFrequency, token);
    for (const token of indexed) increment(postingFrequency, token);
  }
  return { chunkCount: chunks.length, documentFrequency, postingFrequency };
}
