import { describe, expect, it } from 'vitest';
import { judgeCoverage } from '../../../server/retrieval/judge-coverage.js';
import type { ScoredSection } from '../../../server/retrieval/score-sections.js';

/** A ranked section holding these concepts (by index), each found this fully. */
function section(found: Record<number, number>): ScoredSection {
  const matched = new Map(Object.entries(found).map(([at, share]) => [Number(at), share]));
  return { position: 0, score: 1, held: new Set(matched.keys()), matched };
}

describe('judging whether the corpus covers a question', () => {
  // Concepts: 0 an everyday word the corpus holds, 1 a rare word, 2 another rare word.
  const concepts = { importance: [0.5, 3, 3], information: [0.5, 3, 3], weights: [0.4, 1, 1] };

  it('answers when the best section holds what the question is about', () => {
    expect(judgeCoverage([section({ 0: 1, 1: 1, 2: 1 })], concepts).answerable).toBe(true);
  });

  it('declines when a section shares only the everyday word', () => {
    expect(judgeCoverage([section({ 0: 1 })], concepts).answerable).toBe(false);
  });

  it('declines when the question is mostly about something the corpus never mentions', () => {
    const nurse = { importance: [1, 0, 0], information: [1, 5, 5], weights: [1, 1, 1] };
    expect(judgeCoverage([section({ 0: 1 })], nurse).answerable).toBe(false);
  });

  it("answers a question about the guide's own topic even when every section shares its words", () => {
    // One-topic guide: the question's words are everywhere (importance near 0) but still its topic.
    const onTopic = { importance: [0.01, 0.01, 0], information: [0.69, 0.69, 5], weights: [1, 1, 0.4] };
    expect(judgeCoverage([section({ 0: 1, 1: 1 })], onTopic).answerable).toBe(true);
  });

  it('counts a dictionary guess with many senses as weaker evidence than the word itself', () => {
    const sure = judgeCoverage([section({ 0: 1, 1: 1, 2: 1 })], concepts).covered;
    const guessed = judgeCoverage([section({ 0: 1, 1: 0.2, 2: 0.2 })], concepts).covered;
    expect(guessed).toBeLessThan(sure);
  });

  describe('a section that shares a single concept with the question', () => {
    // Five concepts of equal weight: the question asks about several things, the section names one of them.
    const longQuestion = {
      importance: [2, 2, 2, 2, 2],
      information: [2, 2, 2, 2, 2],
      weights: [1, 1, 1, 1, 1],
    };

    it('declines a long question that meets the corpus in one word only', () => {
      const judgment = judgeCoverage([section({ 0: 1 }), section({ 1: 1 }), section({ 2: 1 })], longQuestion);
      expect(judgment.corroboration).toBe(1);
      expect(judgment.answerable).toBe(false);
    });

    it('answers the same question once one section holds two of its concepts together', () => {
      const judgment = judgeCoverage([section({ 0: 1, 1: 1 })], longQuestion);
      expect(judgment.corroboration).toBe(2);
      expect(judgment.answerable).toBe(true);
    });

    it('does not count a concept the section reaches only in part as a second piece of evidence', () => {
      // Concept 1 is held only in part (one word of a two-word term): the section still shares one concept.
      const judgment = judgeCoverage([section({ 0: 1, 1: 0 })], longQuestion);
      expect(judgment.corroboration).toBe(1);
      expect(judgment.answerable).toBe(false);
    });

    it('answers a short question whose one rare word the section holds', () => {
      // "what is <term>": the term is most of what is asked, so finding it alone is enough.
      const shortQuestion = { importance: [4, 0.5], information: [4, 0.5], weights: [1, 0.4] };
      expect(judgeCoverage([section({ 0: 1 })], shortQuestion).answerable).toBe(true);
    });
  });

  describe('a question that names something', () => {
    // Concepts: 0 and 1 rare words, 2 an everyday one, 3 the name, which the corpus never mentions.
    const brand = { importance: [3, 3, 1, 0], information: [3, 3, 1, 5], weights: [1, 1, 0.5, 1] };
    const named = { ...brand, named: [false, false, false, true] };

    it('declines when the corpus never mentions the name and the section holds little else', () => {
      const judgment = judgeCoverage([section({ 0: 1, 2: 1 })], named);
      expect(judgment.missingName).toBe(true);
      expect(judgment.answerable).toBe(false);
    });

    it('answers the same question when the unknown word is not written as a name', () => {
      const judgment = judgeCoverage([section({ 0: 1, 2: 1 })], brand);
      expect(judgment.missingName).toBe(false);
      expect(judgment.answerable).toBe(true);
    });

    it('answers when one section holds the rest of the question whole: the name is then a detail', () => {
      expect(judgeCoverage([section({ 0: 1, 1: 1, 2: 1 })], named).answerable).toBe(true);
    });

    it('declines too when the corpus mentions the name but none of the top sections does', () => {
      const elsewhere = { ...named, importance: [3, 3, 1, 4], information: [3, 3, 1, 4] };
      expect(judgeCoverage([section({ 0: 1, 2: 1 }), section({ 1: 1 })], elsewhere).answerable).toBe(false);
    });

    it('answers a named question when a top section mentions the name', () => {
      const known = { ...named, importance: [3, 3, 1, 2], information: [3, 3, 1, 2] };
      expect(judgeCoverage([section({ 0: 1, 3: 1 })], known).answerable).toBe(true);
    });
  });
});
