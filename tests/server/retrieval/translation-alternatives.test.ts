import { describe, expect, it } from 'vitest';
import { analyzeQuery, type QueryResources } from '../../../server/retrieval/analyze-query.js';
import { translatorWork } from '../../../server/retrieval/cross-lingual.js';
import { runNow } from '../../../server/retrieval/pacer.js';
import { ALL_RULES, type RetrievalRules } from '../../../server/retrieval/rules.js';
import { hanTokens, stem } from '../../../server/retrieval/text.js';
import { createVocabulary } from '../../../server/retrieval/vocabulary.js';

/**
 * A gardening handbook whose English edition says "seedbed" where the vocabulary's English name for 苗圃 is
 * "nursery", and whose Chinese edition says 苗圃.
 */
const ENGLISH = ['seedbed', 'seedling', 'soil'];
const CHINESE = ['苗圃', '育苗'];

function resources(rules: Partial<RetrievalRules> = {}): QueryResources {
  const held = new Set([...ENGLISH.map(stem), ...CHINESE.flatMap(hanTokens)]);
  return {
    vocabulary: createVocabulary([
      ['nursery', '苗圃'],
      ['seedbed', '苗床'],
    ]),
    translator: runNow(
      translatorWork(
        (token) => held.has(token),
        (word) => CHINESE.includes(word),
      ),
    ),
    holds: (token) => held.has(token),
    frequency: (token) => (held.has(token) ? 1 : 0),
    rules: { ...ALL_RULES, ...rules },
  };
}

function ways(question: string, rules: Partial<RetrievalRules> = {}): string[] {
  return analyzeQuery(question, resources(rules)).concepts.flatMap((concept) =>
    concept.alternatives.map((alternative) => alternative.text),
  );
}

describe('a Chinese vocabulary term asked of an English document', () => {
  it('reaches the document through the dictionary when it says the term otherwise than the vocabulary', () => {
    expect(ways('苗圃怎么选址')).toContain('seedbed');
  });

  it('counts the dictionary translation as a guess, less than the vocabulary name would', () => {
    const concept = analyzeQuery('苗圃', resources()).concepts.find((found) => found.label === '苗圃');
    const guess = concept?.alternatives.find((alternative) => alternative.text === 'seedbed');
    expect(guess?.source).toBe('translation');
    expect(guess?.weight).toBeLessThan(0.9);
  });

  it('keeps to the vocabulary when the rule is off', () => {
    expect(ways('苗圃怎么选址', { termTranslations: false })).not.toContain('seedbed');
  });
});

describe('an English vocabulary term asked of a Chinese document', () => {
  it('keeps to the vocabulary names: every headword whose gloss mentions it would be noise', () => {
    expect(ways('how to prepare a seedbed')).not.toContain('苗圃');
  });
});
