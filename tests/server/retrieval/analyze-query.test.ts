import { describe, expect, it } from 'vitest';
import { analyzeQuery, type QueryResources } from '../../../server/retrieval/analyze-query.js';
import { translatorWork } from '../../../server/retrieval/cross-lingual.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import { ALL_RULES, type RetrievalRules } from '../../../server/retrieval/rules.js';
import { hanTokens, stem } from '../../../server/retrieval/text.js';
import { createVocabulary } from '../../../server/retrieval/vocabulary.js';

/** What a small orchard handbook in English and Chinese would hold. */
const CORPUS_WORDS = ['herbicide', 'orchard', 'seedling', 'substrate', 'ratio', 'apple', 'tree', 'prune'];
const CORPUS_HAN = ['果园', '苹果', '苹果树', '育苗', '基质'];

function resources(rules: Partial<RetrievalRules> = {}): QueryResources {
  const held = new Set([...CORPUS_WORDS.map(stem), ...CORPUS_HAN.flatMap(hanTokens)]);
  const han = new Set(CORPUS_HAN);
  return {
    vocabulary: createVocabulary([['orchard', '果园']]),
    translator: runNow(
      translatorWork(
        (token) => held.has(token),
        (word) => han.has(word),
      ),
    ),
    holds: (token) => held.has(token),
    frequency: (token) => (held.has(token) ? 1 : 0),
    rules: { ...ALL_RULES, ...rules },
  };
}

function labels(question: string, rules: Partial<RetrievalRules> = {}): string[] {
  return analyzeQuery(question, resources(rules)).concepts.map((concept) => concept.label);
}

describe('reading a Chinese question as words', () => {
  it('reads a word the dictionary knows whole, where the segmenter cut it', () => {
    expect(labels('果园除草剂怎么选')).toContain('除草剂');
    expect(labels('育苗基质配比')).toEqual(expect.arrayContaining(['育苗', '基质', '配比']));
  });

  it('glosses the whole word, so an English handbook is reached', () => {
    const concept = analyzeQuery('果园除草剂怎么选', resources()).concepts.find(
      (found) => found.label === '除草剂',
    );
    expect(concept?.alternatives.map((alternative) => alternative.text)).toContain('herbicide');
  });

  it('reads as before when segmentation is switched off', () => {
    expect(labels('育苗基质配比', { segmentation: false })).not.toContain('配比');
  });

  it('drops the measure word after a number: the question is about the trees, not how they are counted', () => {
    const read = labels('需要多少棵苹果树');
    expect(read.some((label) => label.includes('棵'))).toBe(false);
    expect(read).toContain('苹果');
  });
});

describe('translations of one word', () => {
  it('count less each when the corpus could mean several of them', () => {
    const weights = (question: string) =>
      analyzeQuery(question, resources())
        .concepts.flatMap((concept) => concept.alternatives)
        .filter((alternative) => alternative.source === 'translation')
        .map((alternative) => alternative.weight);
    const [sure] = weights('除草剂');
    expect(sure).toBeGreaterThan(0);
    const held = new Set(['prune', 'trim'].map(stem));
    const ambiguous = analyzeQuery('修剪', {
      ...resources(),
      translator: runNow(
        translatorWork(
          (token) => held.has(token),
          () => false,
        ),
      ),
    }).concepts.flatMap((concept) => concept.alternatives.filter((item) => item.source === 'translation'));
    expect(ambiguous.length).toBe(2);
    for (const alternative of ambiguous) expect(alternative.weight).toBeLessThan(sure ?? 0);
  });
});
