import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackRequest } from '../../../server/contract.js';
import { createMemoryLogger } from '../../../server/logger.js';
import type { FeedbackStore } from '../../../server/store/feedback-store.js';
import { openSqliteFeedbackStore } from '../../../server/store/sqlite-feedback-store.js';
import { aFeedback, aFeedbackCandidate, aSteppingClock, aTempDir } from './feedback-fixtures.js';

const HEADINGS = {
  'ai-pm-roles.zh#evaluation': ['AI 产品经理', '评测 (Evaluation)'],
  'ai-pm-roles.zh#shipping': ['AI 产品经理', '上线 (Shipping)'],
};

describe('the SQLite feedback store', () => {
  let temp: ReturnType<typeof aTempDir>;
  let store: FeedbackStore;

  const save = (feedback: FeedbackRequest) =>
    store.saveFeedback({ ...feedback, citationHeadings: HEADINGS, appVersion: '0.1.0' });

  beforeEach(() => {
    temp = aTempDir('aipm-store');
    store = openSqliteFeedbackStore({
      dataDir: temp.dir,
      logger: createMemoryLogger(),
      now: aSteppingClock(),
    });
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('stores a feedback once: a replay of the same id succeeds and changes nothing', async () => {
    const feedback = aFeedback({ comment: 'first words' });

    expect(await save(feedback)).toEqual({ created: true });
    expect(await save({ ...feedback, rating: 'up', comment: 'second thoughts' })).toEqual({ created: false });

    const insights = await store.insights();
    expect(insights.totals).toEqual({ feedback: 1, up: 0, down: 1, gaps: 0 });
    expect(insights.latestBadCases).toHaveLength(1);
    expect(insights.latestBadCases[0]?.comment).toBe('first words');
  });

  it('keeps the heading path of every cited section next to the bad case', async () => {
    const feedback = aFeedback({
      model: 'gpt-4o-mini',
      mode: 'llm',
      citations: [
        { n: 2, id: 'ai-pm-roles.zh#shipping' },
        { n: 1, id: 'ai-pm-roles.zh#evaluation' },
        { n: 3, id: 'gone#section' },
      ],
    });
    await save(feedback);

    const [badCase] = (await store.insights()).latestBadCases;
    expect(badCase).toMatchObject({
      id: feedback.id,
      createdAt: '2026-01-01T00:00:00.000Z',
      question: feedback.question,
      answer: feedback.answer,
      mode: 'llm',
      model: 'gpt-4o-mini',
      reasons: ['wrong'],
    });
    expect(badCase?.citations).toEqual([
      { n: 1, id: 'ai-pm-roles.zh#evaluation', headings: ['AI 产品经理', '评测 (Evaluation)'] },
      { n: 2, id: 'ai-pm-roles.zh#shipping', headings: ['AI 产品经理', '上线 (Shipping)'] },
      { n: 3, id: 'gone#section', headings: [] },
    ]);
  });

  it('reports totals, the 👎 rate per answer mode and the most common reasons', async () => {
    await save(aFeedback({ mode: 'search', rating: 'up', reasons: undefined }));
    await save(aFeedback({ mode: 'search', rating: 'up', reasons: undefined }));
    await save(aFeedback({ mode: 'search', rating: 'down', reasons: ['missing', 'wrong'] }));
    await save(aFeedback({ mode: 'llm', rating: 'down', reasons: ['unsupported', 'wrong'] }));
    await save(aFeedback({ mode: 'llm', rating: 'down', reasons: ['unsupported'] }));
    await save(aFeedback({ mode: 'fallback', rating: 'up', reasons: undefined }));
    await store.logGap({ question: 'Best pizza in Rome?', mode: 'search', nearest: [] });

    const insights = await store.insights();

    expect(insights.totals).toEqual({ feedback: 6, up: 3, down: 3, gaps: 1 });
    expect(insights.downRateByMode).toEqual([
      { mode: 'search', total: 3, down: 1, rate: 1 / 3 },
      { mode: 'llm', total: 2, down: 2, rate: 1 },
      { mode: 'fallback', total: 1, down: 0, rate: 0 },
    ]);
    expect(insights.topReasons).toEqual([
      { reason: 'unsupported', count: 2 },
      { reason: 'wrong', count: 2 },
      { reason: 'missing', count: 1 },
    ]);
  });

  it('lists only the 20 latest 👎 answers, newest first', async () => {
    const questions = Array.from({ length: 25 }, (_, index) => `question ${index}`);
    for (const question of questions) await save(aFeedback({ question }));
    await save(aFeedback({ rating: 'up', question: 'a happy one' }));

    const { latestBadCases } = await store.insights();

    expect(latestBadCases.map((badCase) => badCase.question)).toEqual(questions.slice(5).reverse());
  });

  it('groups not-covered questions that differ only in case and punctuation, most asked first', async () => {
    await store.logGap({ question: 'Best pizza in Rome?', mode: 'search', nearest: [] });
    await store.logGap({ question: '怎么谈薪资？', mode: 'llm', nearest: [] });
    await store.logGap({ question: 'best pizza in rome', mode: 'llm', nearest: [] });
    await store.logGap({ question: 'BEST PIZZA IN ROME!', mode: 'search', nearest: [], requestId: 'r-3' });

    const { topGaps, totals } = await store.insights();

    expect(totals.gaps).toBe(4);
    expect(topGaps).toEqual([
      { question: 'BEST PIZZA IN ROME!', count: 3, lastAskedAt: '2026-01-01T00:00:03.000Z' },
      { question: '怎么谈薪资？', count: 1, lastAskedAt: '2026-01-01T00:00:01.000Z' },
    ]);
  });

  it('exports every 👎 answer and every distinct gap as unreviewed golden-set candidates', async () => {
    const down = aFeedback({ reasons: ['missing'], comment: 'no salary data' });
    const offTopic = aFeedback({
      question: '罗马哪家披萨好吃？',
      reasons: ['off-topic'],
      comment: undefined,
    });
    await save(down);
    await save(aFeedback({ rating: 'up', reasons: undefined }));
    await save(offTopic);
    const nearest = [{ id: 'ai-pm-roles.zh#salary', headings: ['薪资'], score: 0.2 }];
    await store.logGap({ question: 'What is the salary of a PM in Mars?', mode: 'search', nearest });
    await store.logGap({ question: 'what is the salary of a PM in mars', mode: 'search', nearest: [] });

    const candidates = await store.exportCandidates();

    expect(candidates).toHaveLength(3);
    expect(candidates[0]).toEqual(
      aFeedbackCandidate(down, 'down-rated in search mode; reasons: missing; comment: "no salary data"'),
    );
    expect(candidates[1]).toMatchObject({
      id: `fb-${offTopic.id}`,
      lang: 'zh',
      expected: [],
      offTopic: true,
    });
    expect(candidates[2]).toMatchObject({
      id: expect.stringMatching(/^gap-[0-9a-f]{12}$/),
      question: 'what is the salary of a PM in mars',
      expected: [],
      offTopic: true,
      reviewed: false,
      source: 'gap',
      note: 'not covered; asked 2 times; nearest: ai-pm-roles.zh#salary',
    });
    expect((await store.exportCandidates()).map((candidate) => candidate.id)).toEqual(
      candidates.map((candidate) => candidate.id),
    );
  });

  it('answers an empty dashboard and an empty export on a fresh database', async () => {
    expect(await store.insights()).toEqual({
      totals: { feedback: 0, up: 0, down: 0, gaps: 0 },
      downRateByMode: [],
      topReasons: [],
      latestBadCases: [],
      topGaps: [],
    });
    expect(await store.exportCandidates()).toEqual([]);
  });

  it('closes once, tolerates a second close, and refuses writes afterwards', async () => {
    store.close();
    store.close();

    await expect(save(aFeedback())).rejects.toThrow();
  });

  it('keeps what it acknowledged when the data directory is reopened', async () => {
    const feedback = aFeedback();
    await save(feedback);
    store.close();

    store = openSqliteFeedbackStore({ dataDir: temp.dir, logger: createMemoryLogger() });

    expect((await store.insights()).latestBadCases.map((badCase) => badCase.id)).toEqual([feedback.id]);
    expect(await save(feedback)).toEqual({ created: false });
  });
});
