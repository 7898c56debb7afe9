import { describe, expect, it } from 'vitest';
import type { CorpusStats } from '../../../server/retrieval/corpus-stats.js';
import { softConcept } from '../../../server/retrieval/query-concept.js';
import {
  MAX_SEARCH_TOKENS,
  POSTING_BUDGET,
  selectSearchTokens,
} from '../../../server/retrieval/select-search-tokens.js';

function topic(tokens: string[]) {
  return { ...softConcept('question', tokens), kind: 'topic' as const };
}

function corpus(frequencies: Array<[string, number]>): CorpusStats {
  return {
    chunkCount: 50_000,
    documentFrequency: new Map(frequencies),
    postingFrequency: new Map(frequencies),
  };
}

const noGeneric = new Set<string>();

describe('selectSearchTokens', () => {
  it('leaves out tokens that too many chunks hold and tokens no chunk holds', () => {
    const stats = corpus([
      ['模型', 30_000],
      ['闭环', 120],
      ['飞轮', 3],
    ]);
    const tokens = selectSearchTokens([topic(['模型', '闭环', 'sourdough', '飞轮'])], {
      stats,
      generic: noGeneric,
    });
    expect(tokens).toEqual(['闭环', '飞轮']);
  });

  it('falls back to the rarest tokens when every token is common', () => {
    const stats = corpus([
      ['产品', 40_000],
      ['模型', 30_000],
    ]);
    expect(selectSearchTokens([topic(['产品', '模型'])], { stats, generic: noGeneric })).toEqual([
      '模型',
      '产品',
    ]);
  });

  it('stops adding tokens once their postings would exceed the budget', () => {
    const perToken = 2_000;
    const many = Array.from({ length: 20 }, (_, index) => `t${index}`);
    const stats = corpus(many.map((token) => [token, perToken]));
    const tokens = selectSearchTokens([topic(many)], { stats, generic: noGeneric });
    expect(tokens.length * perToken).toBeLessThanOrEqual(POSTING_BUDGET);
    expect(tokens[0]).toBe('t0');
  });

  it('skips generic words when the question has a topic, and caps the count', () => {
    const many = Array.from({ length: 40 }, (_, index) => `t${index}`);
    const stats = corpus([...many.map((token): [string, number] => [token, 1]), ['ai', 10]]);
    const tokens = selectSearchTokens([topic(['ai', ...many])], { stats, generic: new Set(['ai']) });
    expect(tokens).not.toContain('ai');
    expect(tokens).toHaveLength(MAX_SEARCH_TOKENS);
  });
});
