import { beforeAll, describe, expect, it } from 'vitest';
import { createHanTypoCorrector, type HanTypoCorrector } from '../../../server/retrieval/han-typos.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import { corpusGlossaryMatcher, corpusRetriever, ROLES_DOC } from '../support/corpus-retrieval.js';

const doc = ROLES_DOC;
let retriever: ExplainableRetriever;
let typos: HanTypoCorrector;

beforeAll(async () => {
  retriever = await corpusRetriever();
  const matcher = await corpusGlossaryMatcher();
  const corpusPairs = new Set(['增长', '模型', '平台', '火锅', '一种']);
  typos = createHanTypoCorrector({ matcher, knows: (token) => corpusPairs.has(token) });
});

const search = (query: string) => retriever.search(query, { limit: 3 });
const topId = async (query: string) => (await search(query)).results[0]?.id;

describe('a one-character typo in the name of a kind of PM', () => {
  it('reads 增涨PM as 增长PM (growth) and 模形产品经理 as 模型产品经理 (model PM)', async () => {
    expect(await topId('增涨PM的需求量怎么样')).toBe(`${doc}需求量-5`);
    expect(await topId('模形产品经理要会什么')).toBe(`${doc}需要能力`);
  });

  it('reads 平抬PM as 平台PM: before a role word only kinds of PM are names, not aspects like 平常', async () => {
    expect(await topId('平抬PM要交付什么')).toBe(`${doc}产出内容-2`);
  });

  it('leaves words alone that are not right before a role word, or hold a function character', () => {
    expect(typos.correct('北京哪家火锅好吃')).toBe('北京哪家火锅好吃');
    expect(typos.correct('目前最热门的是哪一种 ai pm')).toBe('目前最热门的是哪一种 ai pm');
    expect(typos.correct('新手pm需要学什么')).toBe('新手pm需要学什么');
    expect(typos.correct('增涨pm每天做什么')).toBe('增长pm每天做什么');
  });
});

describe('two aspects in one question', () => {
  it('asks about the aspect after the role, not the one describing the person ("newly hired")', async () => {
    expect(await topId('What should a recently hired growth PM deliver?')).toBe(`${doc}产出内容-5`);
    expect(await topId('What does a newly hired platform PM focus on?')).toBe(`${doc}核心关注点-2`);
  });

  it('still reads hiring as the question when it is the only aspect', async () => {
    expect(await topId('Is there strong hiring demand for growth PMs?')).toBe(`${doc}需求量-5`);
  });
});

describe('contrasting the PM with the model engineer', () => {
  it('reads "vs" between two roles as the contrast, not as a question about AI PM vs traditional PM', async () => {
    const ids = (await search("what is the PM's part vs the model engineer's part")).results.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual([
      `${doc}产品经理define-what--why`,
      `${doc}四产品经理与模型工程师的生态关系`,
    ]);
  });
});

describe('a single-character word inside an everyday word', () => {
  it('does not read 火 in 火锅 as "popular", so a food question is not covered', async () => {
    expect((await search('北京哪家火锅好吃')).answerable).toBe(false);
    expect(await topId('哪类 AI 产品经理最火')).toBe(`${doc}3-ai-应用产品经理application-pm`);
  });
});

describe('self-descriptions and skill questions', () => {
  it('reads "我是程序员" as a technical background only, not also as a question about backgrounds', async () => {
    const explained = retriever.explain('我是程序员，适合做哪种AI产品经理');
    const labels = explained.concepts.map((concept) => concept.label);
    expect(labels).toContain('technical');
    expect(labels).not.toContain('background');
  });

  it('answers "does a kind of PM need to know <model-engineering topic>" from its skills section', async () => {
    expect(await topId('模型型PM要不要懂训练')).toBe(`${doc}需要能力`);
  });
});

describe('a request for work rather than a question', () => {
  it('says "not covered" when the asker wants something written for them, even with a domain word', async () => {
    expect((await search('Can AI write my PRDs for me?')).answerable).toBe(false);
    expect((await search('帮我写一份AI产品经理的简历')).answerable).toBe(false);
  });

  it('still answers a question about what AI PMs write', async () => {
    const response = await search('Do AI PMs still write PRDs?');
    expect(response.answerable).toBe(true);
    expect(response.results[0]?.id).toBe(`${doc}产出内容`);
  });
});
