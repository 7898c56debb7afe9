import { describe, expect, it } from 'vitest';
import { aFeedback, aScriptedClock } from '../feedback-fixtures.js';
import type { useStoreUnderTest } from './store-under-test.js';

type Subject = ReturnType<typeof useStoreUnderTest>;

/** The owner's dashboard: totals, rates, reasons, bad cases, gaps, days, and the date filter. */
export function insightsContract(subject: Subject) {
  const { save, store } = subject;
  const gap = (question: string, mode: 'search' | 'llm' = 'search') =>
    store().logGap({ question, mode, nearest: [] });

  describe('insights', () => {
    it('answers an empty dashboard and an empty export on a fresh database', async () => {
      expect(await store().insights()).toEqual({
        totals: { feedback: 0, up: 0, down: 0, gaps: 0 },
        downRateByMode: [],
        topReasons: [],
        latestBadCases: [],
        topGaps: [],
        range: { from: null, to: null },
        daily: [],
        flags: { total: 0, latest: [], topSections: [] },
      });
      expect(await store().exportCandidates()).toEqual([]);
      expect(await store().exportFeedback({ limit: 10 })).toEqual([]);
    });

    it('reports totals, the 👎 rate per answer mode and the most common reasons', async () => {
      await save(aFeedback({ mode: 'search', rating: 'up', reasons: undefined }));
      await save(aFeedback({ mode: 'search', rating: 'up', reasons: undefined }));
      await save(aFeedback({ mode: 'search', rating: 'down', reasons: ['missing', 'wrong'] }));
      await save(aFeedback({ mode: 'llm', rating: 'down', reasons: ['unsupported', 'wrong'] }));
      await save(aFeedback({ mode: 'llm', rating: 'down', reasons: ['unsupported'] }));
      await save(aFeedback({ mode: 'fallback', rating: 'up', reasons: undefined }));
      await gap('Best pizza in Rome?');

      const insights = await store().insights();

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

      const { latestBadCases } = await store().insights();

      expect(latestBadCases.map((badCase) => badCase.question)).toEqual(questions.slice(5).reverse());
    });

    it('groups not-covered questions that differ only in case and punctuation, most asked first', async () => {
      await gap('Best pizza in Rome?');
      await gap('怎么谈薪资？', 'llm');
      await gap('best pizza in rome', 'llm');
      await store().logGap({
        question: 'BEST PIZZA IN ROME!',
        mode: 'search',
        nearest: [],
        requestId: 'r-3',
      });

      const { topGaps, totals } = await store().insights();

      expect(totals.gaps).toBe(4);
      expect(topGaps).toEqual([
        { question: 'BEST PIZZA IN ROME!', count: 3, lastAskedAt: '2026-01-01T00:00:03.000Z' },
        { question: '怎么谈薪资？', count: 1, lastAskedAt: '2026-01-01T00:00:01.000Z' },
      ]);
    });

    it('shows the 👎 rate of answers and the not-covered count per UTC day, quiet days left out', async () => {
      const store = await subject.reopen(
        aScriptedClock([
          '2026-03-01T08:00:00.000Z',
          '2026-03-01T23:59:59.999Z',
          '2026-03-01T12:00:00.000Z',
          '2026-03-02T00:00:00.000Z',
          '2026-03-04T09:00:00.000Z',
        ]),
      );
      await subject.save(aFeedback({ rating: 'down' }));
      await subject.save(aFeedback({ rating: 'up', reasons: undefined }));
      await store.logGap({ question: 'Best pizza in Rome?', mode: 'search', nearest: [] });
      await subject.save(aFeedback({ rating: 'down' }));
      await store.logGap({ question: 'Best pizza in Rome?', mode: 'search', nearest: [] });

      expect((await store.insights()).daily).toEqual([
        { date: '2026-03-01', answers: 2, down: 1, downRate: 0.5, notCovered: 1 },
        { date: '2026-03-02', answers: 1, down: 1, downRate: 1, notCovered: 0 },
        { date: '2026-03-04', answers: 0, down: 0, downRate: null, notCovered: 1 },
      ]);
    });

    it('limits every number and list to the days from `from` to `to`, both included', async () => {
      const store = await subject.reopen(
        aScriptedClock([
          '2026-02-28T23:59:59.999Z',
          '2026-03-01T00:00:00.000Z',
          '2026-03-02T23:59:59.999Z',
          '2026-03-03T00:00:00.000Z',
          '2026-03-01T10:00:00.000Z',
          '2026-03-05T10:00:00.000Z',
        ]),
      );
      const before = aFeedback({ question: 'before' });
      const first = aFeedback({ question: 'first day' });
      const last = aFeedback({ question: 'last day', rating: 'up', reasons: undefined });
      const after = aFeedback({ question: 'after' });
      for (const feedback of [before, first, last, after]) await subject.save(feedback);
      await store.logGap({ question: 'inside', mode: 'search', nearest: [] });
      await store.logGap({ question: 'outside', mode: 'search', nearest: [] });

      const insights = await store.insights({ from: '2026-03-01', to: '2026-03-02' });

      expect(insights.range).toEqual({ from: '2026-03-01', to: '2026-03-02' });
      expect(insights.totals).toEqual({ feedback: 2, up: 1, down: 1, gaps: 1 });
      expect(insights.latestBadCases.map((badCase) => badCase.question)).toEqual(['first day']);
      expect(insights.topGaps.map((topGap) => topGap.question)).toEqual(['inside']);
      expect(insights.daily.map((day) => day.date)).toEqual(['2026-03-01', '2026-03-02']);
      expect((await store.insights({ from: '2026-03-03' })).totals).toMatchObject({ feedback: 1, gaps: 1 });
      expect((await store.insights({ to: '2026-02-28' })).totals).toMatchObject({ feedback: 1, gaps: 0 });
      expect((await store.insights({ from: '0001-01-01', to: '9999-12-31' })).totals.feedback).toBe(4);
    });
  });
}
