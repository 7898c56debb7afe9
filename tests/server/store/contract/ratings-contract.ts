import { describe, expect, it } from 'vitest';
import { aFeedback } from '../feedback-fixtures.js';
import type { useStoreUnderTest } from './store-under-test.js';

type Subject = ReturnType<typeof useStoreUnderTest>;

/** One rating per answer, changeable, idempotent, durable across a reopen. */
export function ratingsContract(subject: Subject) {
  const { save, store } = subject;

  describe('ratings', () => {
    it('stores a new id once; an identical replay succeeds and changes nothing', async () => {
      const feedback = aFeedback({ comment: 'first words' });

      expect(await save(feedback)).toEqual({ created: true, updated: false });
      expect(await save(feedback)).toEqual({ created: false, updated: false });

      const insights = await store().insights();
      expect(insights.totals).toEqual({ feedback: 1, up: 0, down: 1, gaps: 0 });
      expect(insights.latestBadCases.map((badCase) => badCase.comment)).toEqual(['first words']);
    });

    it('lets the same id change its rating, reasons and comment, and counts the answer once', async () => {
      const feedback = aFeedback({ rating: 'up', reasons: undefined, comment: undefined });
      await save(feedback);

      const changed = {
        ...feedback,
        rating: 'down' as const,
        reasons: ['missing' as const],
        comment: 'on reflection',
      };
      expect(await save(changed)).toEqual({ created: false, updated: true });
      expect(await save(changed)).toEqual({ created: false, updated: false });

      const insights = await store().insights();
      expect(insights.totals).toEqual({ feedback: 1, up: 0, down: 1, gaps: 0 });
      expect(insights.latestBadCases).toEqual([
        expect.objectContaining({ id: feedback.id, reasons: ['missing'], comment: 'on reflection' }),
      ]);
    });

    it('treats reasons as a set: another order or a repeat is not a change', async () => {
      const feedback = aFeedback({ reasons: ['wrong', 'missing'] });
      await save(feedback);

      expect(await save({ ...feedback, reasons: ['missing', 'wrong', 'missing'] })).toEqual({
        created: false,
        updated: false,
      });
      expect((await store().insights()).latestBadCases[0]?.reasons).toEqual(['wrong', 'missing']);
    });

    it('records whether the rated answer was cut short, and says nothing when the client did not', async () => {
      const stopped = aFeedback({ question: 'stopped answer', truncated: true });
      const unknown = aFeedback({ question: 'plain answer' });
      await save(stopped);
      await save(unknown);

      const cases = (await store().insights()).latestBadCases;
      expect(cases.find((badCase) => badCase.id === stopped.id)?.truncated).toBe(true);
      expect(cases.find((badCase) => badCase.id === unknown.id)).not.toHaveProperty('truncated');
      expect(await save({ ...stopped, truncated: false })).toEqual({ created: false, updated: true });
    });

    it('counts answers, not rows: two ids for one answer count once, as rated last', async () => {
      const first = aFeedback({ rating: 'down', mode: 'llm' });
      const second = aFeedback({ messageId: first.messageId, rating: 'up', reasons: undefined, mode: 'llm' });
      await save(first);
      await save(second);

      const insights = await store().insights();
      expect(insights.totals).toEqual({ feedback: 1, up: 1, down: 0, gaps: 0 });
      expect(insights.downRateByMode).toEqual([{ mode: 'llm', total: 1, down: 0, rate: 0 }]);
      expect(insights.latestBadCases).toEqual([]);
    });

    it('stores the same new id exactly once when it arrives many times at the same moment', async () => {
      const feedback = aFeedback();

      const results = await Promise.all(Array.from({ length: 8 }, () => save(feedback)));

      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(results.filter((result) => result.updated)).toHaveLength(0);
      expect((await store().insights()).totals.feedback).toBe(1);
    });

    it('keeps the heading path of every cited section next to the bad case, in [n] order', async () => {
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

      const [badCase] = (await store().insights()).latestBadCases;
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

    it('keeps any text it is given, storing a NUL character as U+FFFD', async () => {
      const comment = 'quotes " \' , new\nline, emoji 🧭, 中文, tab\tand NUL\u0000 end';
      await save(aFeedback({ comment }));

      expect((await store().insights()).latestBadCases[0]?.comment).toBe(comment.replace('\u0000', '\uFFFD'));
    });

    it('keeps what it acknowledged when it is reopened', async () => {
      const feedback = aFeedback();
      await save(feedback);

      await subject.reopen();

      expect((await store().insights()).latestBadCases.map((badCase) => badCase.id)).toEqual([feedback.id]);
      expect(await save(feedback)).toEqual({ created: false, updated: false });
    });
  });
}
