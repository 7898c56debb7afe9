import { describe, expect, it } from 'vitest';
import type { Citation } from '../../server/contract.js';
import type { EvalItem } from './eval-set.js';
import { scoreAnswers } from './score-answers.js';
import type { LocateSection, SectionLocation } from './score-retrieval.js';

/** A guide with a Chinese and an English edition of one section. */
const SECTIONS: SectionLocation[] = [
  {
    id: 'guide.zh#care',
    docId: 'guide.zh',
    headings: ['指南', '养护'],
    editions: [{ lang: 'en', id: 'guide.en#care' }],
  },
  {
    id: 'guide.en#care',
    docId: 'guide.en',
    headings: ['Guide', 'Care'],
    editions: [{ lang: 'zh', id: 'guide.zh#care' }],
  },
];
const locate: LocateSection = (id) => SECTIONS.find((section) => section.id === id);

function citation(id: string): Citation {
  const section = locate(id);
  return {
    id,
    docId: section?.docId ?? '',
    docTitle: '',
    headings: section?.headings ?? [],
    anchor: 'care',
    text: '',
    score: 1,
    n: 1,
    highlights: [],
    citedBy: [],
  };
}

function run(facts: EvalItem['facts'], citedId: string, text: string) {
  const item: EvalItem = {
    id: 'q',
    question: 'q',
    lang: 'en',
    expected: ['guide.zh#care'],
    offTopic: false,
    facts,
  };
  const answer = { text, citations: [citation(citedId)], notCovered: false, nearest: [] };
  const response = { query: 'q', answerable: true, results: [], tookMs: 1 };
  return scoreAnswers([{ item, response, answer }], locate);
}

describe('facts are checked in the edition the answer cites', () => {
  it('finds an English fact in an answer quoting the English edition', () => {
    expect(
      run({ zh: ['每周浇水'], en: ['water weekly'] }, 'guide.en#care', 'Water weekly [1]').factsRate,
    ).toBe(1);
  });

  it('asks the Chinese facts of an answer quoting the Chinese edition', () => {
    const facts = { zh: ['每周浇水'], en: ['water weekly'] };
    expect(run(facts, 'guide.zh#care', '每周浇水 [1]').factsRate).toBe(1);
    expect(run(facts, 'guide.zh#care', 'Water weekly [1]').factsRate).toBe(0);
  });

  it('falls back to the expected edition when the cited one has no list', () => {
    expect(run({ zh: ['每周浇水'] }, 'guide.en#care', '每周浇水 [1]').factsRate).toBe(1);
  });

  it('still reads a plain list as the facts of every edition', () => {
    const scored = run(['weekly'], 'guide.en#care', 'Water weekly [1]');
    expect(scored.factsItems).toBe(1);
    expect(scored.leadFactsRate).toBe(1);
  });
});
