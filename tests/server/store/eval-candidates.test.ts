import { describe, expect, it } from 'vitest';
import {
  candidateFromFeedback,
  candidateFromGap,
  gapCandidateId,
  normalizeQuestion,
  toGoldenLine,
} from '../../../server/store/eval-candidates.js';

const AN_UNCOVERED_GAP = { normalizedQuestion: 'q', question: 'q', count: 1, nearestIds: [] };

describe('turning feedback and gaps into golden-set candidates', () => {
  it('treats rephrasings that differ only in case, spacing and punctuation as one question', () => {
    expect(normalizeQuestion('  What is an AI PM?? ')).toBe(normalizeQuestion('what is an ai  pm'));
    expect(normalizeQuestion('什么是 AI PM？')).toBe(normalizeQuestion('什么是 ai pm?'));
    expect(normalizeQuestion('What is an AI PM?')).not.toBe(normalizeQuestion('What is a data PM?'));
    expect(normalizeQuestion('???')).toBe('???');
  });

  it('labels a candidate by the language its question is written in, English terms or Chinese ones aside', () => {
    const languageOf = (question: string) => candidateFromGap({ ...AN_UNCOVERED_GAP, question }).lang;
    expect(languageOf('AI 产品经理需要懂模型吗')).toBe('zh');
    expect(languageOf('Model PM 和 Platform PM 有什么区别？')).toBe('zh');
    expect(languageOf('Do I need a PhD to become an AI PM?')).toBe('en');
    expect(languageOf('What does 模型型 PM do?')).toBe('en');
  });

  it('gives the same gap the same id on every export', () => {
    const id = gapCandidateId(normalizeQuestion('What is an AI PM?'));
    expect(id).toMatch(/^gap-[0-9a-f]{12}$/);
    expect(gapCandidateId(normalizeQuestion('what is an ai pm'))).toBe(id);
  });

  it('pre-fills the expected sections of a 👎 answer with what it cited, once each', () => {
    const candidate = candidateFromFeedback({
      id: 'c7b1c1f0-1111-4222-8333-444455556666',
      question: '评测指标怎么定？',
      mode: 'llm',
      reasons: ['wrong', 'missing'],
      comment: 'missed online metrics',
      citationIds: ['doc#a', 'doc#b', 'doc#a'],
    });
    expect(candidate).toEqual({
      id: 'fb-c7b1c1f0-1111-4222-8333-444455556666',
      question: '评测指标怎么定？',
      lang: 'zh',
      expected: ['doc#a', 'doc#b'],
      offTopic: false,
      reviewed: false,
      source: 'feedback',
      note: 'down-rated in llm mode; reasons: wrong, missing; comment: "missed online metrics"',
    });
  });

  it('turns an "off-topic" 👎 into a should-decline case and keeps the citations in the note', () => {
    const candidate = candidateFromFeedback({
      id: 'c7b1c1f0-1111-4222-8333-444455556666',
      question: 'Best pizza in Rome?',
      mode: 'search',
      reasons: ['off-topic'],
      comment: null,
      citationIds: ['doc#a'],
    });
    expect(candidate.offTopic).toBe(true);
    expect(candidate.expected).toEqual([]);
    expect(candidate.note).toContain('cited: doc#a');
  });

  it('writes lines in the golden set key order with no fields it does not define', () => {
    const line = toGoldenLine(
      candidateFromGap({
        normalizedQuestion: 'best pizza',
        question: 'Best pizza?',
        count: 2,
        nearestIds: [],
      }),
    );
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'id',
      'question',
      'lang',
      'expected',
      'offTopic',
      'reviewed',
      'source',
      'note',
    ]);
    expect(parsed).toMatchObject({
      lang: 'en',
      expected: [],
      offTopic: true,
      reviewed: false,
      source: 'gap',
    });
    expect(parsed.note).toBe('not covered; asked 2 times');
  });
});
