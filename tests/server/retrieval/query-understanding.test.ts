import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../server/retrieval/analyze-query.js';
import type { GlossaryMatcher } from '../../../server/retrieval/glossary.js';
import { headingTopic } from '../../../server/retrieval/markdown-headings.js';
import { BROADER_WEIGHT } from '../../../server/retrieval/query-concept.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import {
  conceptLabels,
  corpusGlossaryMatcher,
  corpusRetriever,
  ROLES_DOC,
} from '../support/corpus-retrieval.js';

const doc = ROLES_DOC;
const FOUR_DIMENSIONS = '五、AI 产品经理的四个核心关注维度';
let matcher: GlossaryMatcher;
let retriever: ExplainableRetriever;

beforeAll(async () => {
  matcher = await corpusGlossaryMatcher();
  retriever = await corpusRetriever();
});

const labels = (query: string) => conceptLabels(query, matcher);

describe('how a question is understood', () => {
  it('reads a negated skill as the lack of it: not technical, no CS degree, 没有计算机背景', () => {
    for (const query of [
      "I'm honestly not technical at all",
      "I don't have a CS degree",
      '我没有计算机背景',
      'without any coding experience',
    ]) {
      expect(labels(query), query).toContain('non-cs');
      expect(labels(query), query).not.toContain('technical');
    }
  });

  it('does not negate across a clause: "not sure, but technical skills matter"', () => {
    expect(labels('not sure, but technical skills matter')).not.toContain('non-cs');
  });

  it("reads the asker's own job as their background, not as the role they ask about", () => {
    const concepts = labels('As a backend engineer, which AI PM track fits me?');
    expect(concepts).toContain('technical');
    expect(concepts).not.toContain('engineer');
  });

  it('lets an industry job reach the industry role at a lower weight: a banker hints at 行业', () => {
    const finance = analyzeQuery("I'm an investment banker", matcher).concepts.find(
      (concept) => concept.label === 'finance',
    );
    const industry = finance?.alternatives.find((alternative) => alternative.term === '行业');
    expect(industry?.weight).toBe(BROADER_WEIGHT);
  });

  it('keeps the AI anchor inside a longer phrase: "AI output" and "stronger model" are domain words', () => {
    for (const query of ['the AI output is wrong', 'a stronger model']) {
      expect(
        analyzeQuery(query, matcher).concepts.some((concept) => concept.scope === 'domain'),
        query,
      ).toBe(true);
    }
  });

  it('strips heading numbering, so "the 4 things" is not role 4 or dimension 4', async () => {
    expect(headingTopic('4. 行业 / 垂直领域 AI 产品经理（Vertical AI PM）')).toBe(
      '行业 / 垂直领域 AI 产品经理（Vertical AI PM）',
    );
    expect(headingTopic('一、AI 产品经理的主要分类')).toBe('AI 产品经理的主要分类');
    const response = await retriever.search('What are the 4 things an AI PM should focus on?', { limit: 3 });
    expect(response.answerable).toBe(true);
    for (const result of response.results) expect(result.headings).toContain(FOUR_DIMENSIONS);
  });

  it('still understands a question with typos', async () => {
    const response = await retriever.search('wat are the 4 things an ai pm shoud focus on', { limit: 3 });
    expect(response.answerable).toBe(true);
    expect(response.results[0]?.headings).toContain(FOUR_DIMENSIONS);
  });
});

describe('judging whether the corpus covers a near-miss question', () => {
  it('says "not covered" for product-management questions without the AI side', async () => {
    for (const question of [
      'How do I become a product manager at a bank?',
      'How do I become a product manager?',
    ]) {
      expect((await retriever.search(question)).answerable, question).toBe(false);
    }
  });

  it('says "not covered" when the words only scatter over sections that do not address the question', async () => {
    expect((await retriever.search('How do I fine-tune Llama 3 on my own GPU?')).answerable).toBe(false);
    expect((await retriever.search('AI 会取代产品经理吗？')).answerable).toBe(false);
  });

  it('answers career switchers who describe themselves instead of naming a role', async () => {
    const response = await retriever.search(
      "I'm an investment banker and honestly not technical at all. Can I still become an AI PM?",
      { limit: 3 },
    );
    expect(response.answerable).toBe(true);
    expect(response.results.map((result) => result.id)).toContain(`${doc}需求量-3`);
  });
});
