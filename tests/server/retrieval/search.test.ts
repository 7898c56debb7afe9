import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEARCH_TOKENS } from '../../../server/retrieval/select-search-tokens.js';
import type { ExplainableRetriever } from '../../../server/retrieval/types.js';
import { corpusRetriever, ROLES_DOC } from '../support/corpus-retrieval.js';

const doc = ROLES_DOC;
let retriever: ExplainableRetriever;

beforeAll(async () => {
  retriever = await corpusRetriever();
});

async function topIds(question: string, limit = 3): Promise<string[]> {
  const response = await retriever.search(question, { limit });
  expect(response.answerable).toBe(true);
  return response.results.map((result) => result.id.slice(doc.length));
}

describe('search over the founding corpus', () => {
  it('answers which role is in highest demand with the Application PM demand section', async () => {
    expect(await topIds('哪种 AI 产品经理的需求量最高？')).toContain('需求量-3');
    expect(await topIds('Which kind of AI PM is most in demand?')).toContain('需求量-3');
  });

  it('finds what a platform PM cares about, in Chinese and in English', async () => {
    expect((await topIds('平台型产品经理主要关注什么？'))[0]).toBe('核心关注点-2');
    expect((await topIds('What does an AI platform PM care about?'))[0]).toBe('核心关注点-2');
  });

  it('reaches Chinese sections from English questions through the glossary', async () => {
    expect((await topIds('What deliverables does a model PM produce?'))[0]).toBe('产出内容');
    expect((await topIds('What is a data flywheel?'))[0]).toBe('2-数据闭环data-flywheel');
    expect(await topIds('How is an AI PM different from a traditional PM?')).toContain(
      '二ai-产品经理-vs-传统产品经理',
    );
    expect(await topIds('What does a day in the life of a vertical AI PM look like?')).toContain(
      '日常工作-4',
    );
  });

  it('finds the section for a question phrased unlike its heading', async () => {
    expect(await topIds('我没有计算机背景，适合做哪类 AI 产品经理？')).toContain('需求量-3');
    expect(await topIds('LUI 和 GUI 怎么结合？')).toContain('4-人机交互新范式lui--gui');
  });

  it('says "not covered" for questions the corpus does not cover', async () => {
    for (const question of [
      '今天北京天气怎么样',
      'How do I bake sourdough bread?',
      "What's the capital of France?",
      '推荐几部好看的电影',
    ]) {
      const response = await retriever.search(question);
      expect(response.answerable, question).toBe(false);
    }
  });

  it('does not let everyday words alone make a question covered', async () => {
    for (const question of [
      "What's a good morning routine?",
      'What skills do I need to become a chef?',
      '律师的工资高吗',
    ]) {
      const response = await retriever.search(question);
      expect(response.answerable, question).toBe(false);
    }
  });

  it('says "not covered" for an AI-PM question the corpus has no answer to, still listing nearest sections', async () => {
    const response = await retriever.search('AI 产品经理的薪资一般是多少？');
    expect(response.answerable).toBe(false);
    expect(response.results.length).toBeGreaterThan(0);
  });

  it('never returns heading-only sections, and returns each passage with its exact text', async () => {
    const response = await retriever.search('模型型产品经理', { limit: 20 });
    expect(response.results.map((result) => result.id)).not.toContain(`${doc}1-模型型--算法产品经理model-pm`);
    for (const result of response.results) {
      expect(retriever.section(result.id)?.text).toBe(result.text);
    }
  });

  it('respects the limit and echoes the query', async () => {
    const response = await retriever.search('产品经理 能力', { limit: 2 });
    expect(response.results).toHaveLength(2);
    expect(response.query).toBe('产品经理 能力');
    expect(response.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('handles a query with no searchable words', async () => {
    const response = await retriever.search('？？！！ the of 的');
    expect(response).toMatchObject({ answerable: false, results: [] });
  });

  it('keeps long questions cheap: capped index tokens, no generic words among them', () => {
    const long =
      'As an AI product manager, how do data flywheel, evaluation benchmark, latency, hallucination, fine-tuning, annotation, prompt, retention, conversion, ROI, compliance, billing and pricing fit together?';
    const tokens = retriever.explain(long).searchTokens;
    expect(tokens.length).toBeLessThanOrEqual(MAX_SEARCH_TOKENS);
    expect(tokens).not.toEqual(expect.arrayContaining(['ai']));
    expect(tokens).not.toContain('product');
  });

  it('reports its size', () => {
    expect(retriever.stats.docs).toBe(1);
    expect(retriever.stats.chunks).toBeGreaterThan(40);
  });
});

describe('section(id)', () => {
  it('shows a section inside its document: offsets, outline and neighbours', () => {
    const section = retriever.section(`${doc}需求量-3`);
    expect(section).toMatchObject({
      anchor: '需求量-3',
      docId: 'ai-pm-roles.zh',
      headings: expect.arrayContaining(['3. AI 应用产品经理（Application PM）', '需求量']),
    });
    expect(section?.text).toContain('非 CS 背景进入友好');
    expect(section?.end).toBe((section?.start ?? 0) + (section?.text.length ?? 0));
    expect(section?.prev?.id).toBe(`${doc}日常工作-3`);
    expect(section?.next?.id).toBe(`${doc}4-行业--垂直领域-ai-产品经理vertical-ai-pm`);
    expect(section?.document.outline.map((entry) => entry.id)).toContain(`${doc}需求量-3`);
  });

  it('opens heading-only sections too (the panel navigates through them)', () => {
    const role = retriever.section(`${doc}1-模型型--算法产品经理model-pm`);
    expect(role?.next?.id).toBe(`${doc}定义`);
  });

  it('has no neighbour before the first or after the last section', () => {
    const outline = retriever.section(`${doc}定义`)?.document.outline ?? [];
    expect(retriever.section(outline[0]?.id ?? '')?.prev).toBeNull();
    expect(retriever.section(outline.at(-1)?.id ?? '')?.next).toBeNull();
  });

  it('returns undefined for an unknown id', () => {
    expect(retriever.section('ai-pm-roles.zh#no-such-section')).toBeUndefined();
    expect(retriever.section('')).toBeUndefined();
  });
});
