import { createOpenAI } from '@ai-sdk/openai';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Citation, SearchResponse } from '../../server/contract.js';
import { completionJson } from '../server/answer/fixtures/openai-json.js';
import type { EvalItem } from './eval-set.js';
import { judgeFaithfulness, scoreFaithfulness } from './judge-faithfulness.js';
import type { AnsweredRun } from './score-answers.js';

const COMPLETIONS_URL = 'http://judge.test/v1/chat/completions';
const model = createOpenAI({ apiKey: 'test-key', baseURL: 'http://judge.test/v1' }).chat('gpt-4o-mini');
const server = setupServer();
const requests: Array<Record<string, unknown>> = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

/** The judge endpoint answers each call with the next reply in line (the last one repeats). */
function judgeReplies(...replies: Array<string | number>) {
  server.use(
    http.post(COMPLETIONS_URL, async ({ request }) => {
      requests.push((await request.json()) as Record<string, unknown>);
      const reply = replies[Math.min(requests.length, replies.length) - 1];
      return typeof reply === 'number'
        ? HttpResponse.json({ error: { message: 'upstream down' } }, { status: reply })
        : HttpResponse.json(completionJson(reply ?? ''));
    }),
  );
}

const verdicts = (...supported: boolean[]) =>
  JSON.stringify({ verdicts: supported.map((value, index) => ({ index: index + 1, supported: value })) });

const claims = [
  { sentence: '决策模型是否上线或回滚', passage: '#### 日常工作\n\n* 决策模型是否上线或回滚' },
  { sentence: 'Model PMs write the company blog', passage: '#### 产出内容\n\n* 模型能力 PRD' },
];

function citation(n: number, text: string, citedBy: string[]): Citation {
  return {
    id: `doc#s${n}`,
    docId: 'doc',
    docTitle: 'Doc',
    headings: ['Doc', `S${n}`],
    anchor: `s${n}`,
    text,
    score: 1,
    n,
    highlights: [],
    citedBy,
  };
}

function run(id: string, citations: Citation[], offTopic = false): AnsweredRun {
  const item: EvalItem = {
    id,
    question: `question ${id}`,
    lang: 'zh',
    expected: offTopic ? [] : ['doc#s1'],
    offTopic,
  };
  const response: SearchResponse = {
    query: item.question,
    answerable: !offTopic,
    results: citations,
    tookMs: 1,
  };
  const notCovered = citations.length === 0;
  return { item, response, answer: { text: '', citations, notCovered, nearest: [] } };
}

describe('judging whether each answer sentence is supported by its cited passage', () => {
  it('asks at temperature 0 with every sentence beside its passage, and reads one verdict per sentence', async () => {
    judgeReplies(verdicts(true, false));
    const result = await judgeFaithfulness({ model, question: '模型型 PM 做什么？', claims });
    expect(result).toEqual([true, false]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.temperature).toBe(0);
    const prompt = JSON.stringify(requests[0]?.messages);
    expect(prompt).toContain('决策模型是否上线或回滚');
    expect(prompt).toContain('模型能力 PRD');
  });

  it('retries once when the reply is not the strict JSON it asked for', async () => {
    judgeReplies('Sure! Both sentences look fine to me.', verdicts(true, true));
    expect(await judgeFaithfulness({ model, question: 'q', claims })).toEqual([true, true]);
    expect(requests).toHaveLength(2);
  });

  it('retries once after a server error, then gives up with an error rather than a guess', async () => {
    judgeReplies(500, verdicts(true));
    await expect(judgeFaithfulness({ model, question: 'q', claims })).rejects.toThrow(/failed twice/);
    expect(requests).toHaveLength(2);
  });

  it('rejects a reply that skips a sentence', async () => {
    judgeReplies(verdicts(true));
    await expect(judgeFaithfulness({ model, question: 'q', claims })).rejects.toThrow();
  });
});

describe('the faithfulness score of an eval run', () => {
  it('is the share of supported sentences over the on-topic answers that cite something', async () => {
    judgeReplies(verdicts(true, true, false));
    const runs = [
      run('a', [citation(1, 'passage one', ['first', 'second']), citation(2, 'passage two', ['third'])]),
      run('off', [], true),
      run('not-covered', []),
    ];
    const metrics = await scoreFaithfulness({ model, runs });
    expect(requests).toHaveLength(1);
    expect(metrics).toMatchObject({ sentences: 3, supported: 2, answers: 1, failedAnswers: 0 });
    expect(metrics.score).toBeCloseTo(2 / 3);
    expect(metrics.unsupported).toEqual([{ id: 'a', sentence: 'third' }]);
  });

  it('leaves answers the judge could not judge out of the score and counts them', async () => {
    judgeReplies(503);
    const metrics = await scoreFaithfulness({ model, runs: [run('a', [citation(1, 'p', ['one'])])] });
    expect(metrics).toMatchObject({ score: 0, sentences: 0, answers: 0, failedAnswers: 1 });
  });
});
