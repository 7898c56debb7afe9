import { beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryMatcher } from '../../../server/retrieval/glossary.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import {
  conceptLabels,
  corpusGlossaryMatcher,
  corpusRetriever,
  ROLES_DOC,
} from '../support/corpus-retrieval.js';

const doc = ROLES_DOC;
const PM_SIDE = `${doc}产品经理define-what--why`;
const ENGINEER_SIDE = `${doc}模型工程师implement-how`;
let matcher: GlossaryMatcher;
let retriever: ExplainableRetriever;

beforeAll(async () => {
  matcher = await corpusGlossaryMatcher();
  retriever = await corpusRetriever();
});

const labels = (query: string) => conceptLabels(query, matcher);
const topIds = async (query: string) =>
  (await retriever.search(query, { limit: 3 })).results.map((r) => r.id);

describe('a role named in mixed Chinese and English', () => {
  it('reads "AI 应用 PM" as the application role, not as "AI PM" around a Chinese word', async () => {
    expect(labels('AI 应用 PM 一般要交付哪些文档')).toContain('application');
    expect((await topIds('AI 应用 PM 一般要交付哪些文档'))[0]).toBe(`${doc}产出内容-3`);
  });
});

describe('who does what between the PM and the model engineer', () => {
  it("puts the PM's side first when the question asks for the PM's part", async () => {
    expect((await topIds('PMs and ML engineers split the work: what is the PM part of it?'))[0]).toBe(
      PM_SIDE,
    );
    expect((await topIds('和算法工程师配合时，产品经理负责哪些事'))[0]).toBe(PM_SIDE);
  });

  it("puts the engineer's side first when the question asks about the engineer", async () => {
    expect((await topIds('What does a model engineer own when working with a PM?'))[0]).toBe(ENGINEER_SIDE);
  });

  it('does not take sides when the question offers a choice between the two', async () => {
    const ids = await topIds('上线这件事是工程师说了算还是产品经理说了算？');
    expect(ids).toContain(PM_SIDE);
  });

  it('reads "程序员转 AI 产品" as the asker\'s background, not a question about engineers', async () => {
    expect(labels('程序员转AI产品经理选哪个方向')).toContain('technical');
    expect((await topIds('程序员转AI产品经理选哪个方向'))[0]).not.toBe(ENGINEER_SIDE);
  });
});

describe('near-miss questions the corpus does not answer', () => {
  it('says "not covered" when the asked topic is one the corpus never mentions', async () => {
    expect((await retriever.search('Will AI replace product designers?')).answerable).toBe(false);
    expect((await retriever.search('AI 会取代程序员吗')).answerable).toBe(false);
  });

  it('says "not covered" for model-engineering how-tos the corpus only mentions in passing', async () => {
    expect((await retriever.search('怎么从零训练一个大模型')).answerable).toBe(false);
    expect((await retriever.search('how do I train an LLM from scratch')).answerable).toBe(false);
  });

  it('still answers who is responsible for training, and metrics a named role tracks', async () => {
    expect((await retriever.search('模型训练由谁负责')).answerable).toBe(true);
    expect((await retriever.search('Which metrics does a monetization PM watch?')).answerable).toBe(true);
  });
});

describe('a role and an aspect named together', () => {
  it('ranks the aspect section of the named industry role first, above the one listing the industries', async () => {
    expect((await topIds('做金融、医疗行业的 AI 产品经理，日常工作都干些啥？'))[0]).toBe(`${doc}日常工作-4`);
  });

  it('keeps a superlative hidden inside a longer phrase: "招人最多" asks which role is hired most', async () => {
    expect((await topIds('哪个方向的 AI 产品经理招人最多'))[0]).toBe(`${doc}需求量-3`);
    expect((await topIds('which kind of AI PM has the most openings'))[0]).toBe(`${doc}需求量-3`);
  });
});

describe('colloquial and compact role questions', () => {
  it('matches a question word in either spelling: 干些什么 like 干些啥', () => {
    expect(labels('平台PM平时都干些什么')).toContain('daily-work');
    expect(labels('平台PM平时都干些啥')).toContain('daily-work');
  });

  it('answers a question naming a kind of PM without saying "AI": 基础设施方向的 PM', async () => {
    const response = await retriever.search('想做基础设施方向的PM，平时跟谁打交道、干些什么？');
    expect(response.answerable).toBe(true);
    expect(response.results[0]?.id).toBe(`${doc}日常工作-2`);
  });

  it('ranks the named kind of PM above the same aspect of other kinds', async () => {
    expect((await topIds('how hard is it to get hired as a vertical PM'))[0]).toBe(`${doc}需求量-4`);
  });
});

describe('superlatives fused into another word', () => {
  it('reads "easiest" as easy and most: the role whose demand is highest and most open ranks first', async () => {
    expect((await topIds('Which AI PM specialization is the easiest to get hired into?'))[0]).toBe(
      `${doc}需求量-3`,
    );
  });
});
