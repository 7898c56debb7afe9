import { describe, expect, it } from 'vitest';
import type { FeedbackRequest } from '../../../../server/contract.js';
import { aFeedback, aFeedbackCandidate, aFlagReport, aShareSnapshot } from '../feedback-fixtures.js';
import type { useStoreUnderTest } from './store-under-test.js';

type Subject = ReturnType<typeof useStoreUnderTest>;

/** Citation flags, exports, shares and the store's own lifecycle. */
export function recordsContract(subject: Subject) {
  const { save, flag, store } = subject;

  describe('citation flags', () => {
    it('stores each flag once per answer × citation × sentence, apart from the ratings', async () => {
      const report = aFlagReport({
        flags: [
          { n: 1, sentence: 'First sentence [1].' },
          { n: 2, sentence: 'First sentence [1].' },
          { n: 1, sentence: 'First sentence [1].' },
        ],
      });

      expect(await flag(report)).toEqual({ created: 2 });
      expect(await flag(report)).toEqual({ created: 0 });
      expect(await flag({ ...report, flags: [{ n: 1, sentence: 'Another sentence [1].' }] })).toEqual({
        created: 1,
      });

      const insights = await store().insights();
      expect(insights.totals).toEqual({ feedback: 0, up: 0, down: 0, gaps: 0 });
      expect(insights.flags.total).toBe(3);
    });

    it('lists the latest flags with their section, and the sections flagged most', async () => {
      const first = aFlagReport();
      await flag(first);
      await flag(aFlagReport({ flags: [{ n: 1, sentence: 'Again about evaluation [1].' }] }));
      await flag(aFlagReport({ flags: [{ n: 2, sentence: 'About shipping [2].' }] }));
      await flag(aFlagReport({ flags: [{ n: 9, sentence: 'Points at nothing listed [9].' }] }));

      const { flags } = await store().insights();

      expect(flags.latest.map((entry) => entry.n)).toEqual([9, 2, 1, 1]);
      expect(flags.latest.at(-1)).toEqual({
        messageId: first.messageId,
        n: 1,
        citationId: 'ai-pm-roles.zh#evaluation',
        headings: ['AI 产品经理', '评测 (Evaluation)'],
        sentence: 'An AI PM defines evaluation criteria [1].',
        question: first.question,
        mode: 'llm',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(flags.latest[0]).toMatchObject({ citationId: null, headings: [] });
      expect(flags.topSections).toEqual([
        { citationId: 'ai-pm-roles.zh#evaluation', headings: ['AI 产品经理', '评测 (Evaluation)'], count: 2 },
        { citationId: 'ai-pm-roles.zh#shipping', headings: ['AI 产品经理', '上线 (Shipping)'], count: 1 },
      ]);
    });
  });

  describe('exports', () => {
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
      await store().logGap({ question: 'What is the salary of a PM in Mars?', mode: 'search', nearest });
      await store().logGap({ question: 'what is the salary of a PM in mars', mode: 'search', nearest: [] });

      const candidates = await store().exportCandidates();

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
        source: 'gap',
        note: 'not covered; asked 2 times; nearest: ai-pm-roles.zh#salary',
      });
      expect((await store().exportCandidates()).map((candidate) => candidate.id)).toEqual(
        candidates.map((candidate) => candidate.id),
      );
    });

    it('pages through every rated answer exactly once, oldest first, as rated last', async () => {
      const saved = Array.from({ length: 7 }, (_, index) => aFeedback({ question: `question ${index}` }));
      for (const feedback of saved) await save(feedback);
      const third = saved[2] as FeedbackRequest;
      await save({ ...third, rating: 'up', reasons: undefined, comment: undefined, truncated: true });

      const pages = [];
      let after: { createdAt: string; id: string } | undefined;
      for (let page = await store().exportFeedback({ limit: 3 }); page.length > 0; ) {
        pages.push(page);
        const last = page.at(-1);
        after = last ? { createdAt: last.createdAt, id: last.id } : undefined;
        page = page.length < 3 ? [] : await store().exportFeedback({ limit: 3, ...(after ? { after } : {}) });
      }

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      const rows = pages.flat();
      expect(rows.map((row) => row.id)).toEqual(saved.map((feedback) => feedback.id));
      const rerated = rows[2];
      expect(rerated).toMatchObject({
        id: third.id,
        rating: 'up',
        reasons: [],
        comment: null,
        truncated: true,
      });
      expect(rerated && rerated.updatedAt > rerated.createdAt).toBe(true);
      expect(rows[0]).toEqual({
        id: saved[0]?.id,
        messageId: saved[0]?.messageId,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        rating: 'down',
        reasons: ['wrong'],
        comment: 'The salary range is outdated',
        question: 'question 0',
        answer: saved[0]?.answer,
        mode: 'search',
        model: null,
        truncated: null,
        citations: [
          { n: 1, id: 'ai-pm-roles.zh#evaluation', headings: ['AI 产品经理', '评测 (Evaluation)'] },
          { n: 2, id: 'ai-pm-roles.zh#shipping', headings: ['AI 产品经理', '上线 (Shipping)'] },
        ],
        appVersion: '0.1.0',
      });
      expect(await store().exportFeedback({ limit: 10, range: { from: '2026-01-02' } })).toEqual([]);
    });
  });

  describe('shares', () => {
    it('keeps a snapshot exactly as given until it is deleted', async () => {
      const snapshot = aShareSnapshot();
      await store().saveShare({ id: 'share-one', deleteTokenHash: 'ab'.repeat(32), snapshot });

      expect(await store().readShare('share-one')).toEqual({
        id: 'share-one',
        deleteTokenHash: 'ab'.repeat(32),
        snapshot,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await store().readShare('share-two')).toBeNull();

      expect(await store().deleteShare('share-one')).toBe(true);
      expect(await store().deleteShare('share-one')).toBe(false);
      expect(await store().readShare('share-one')).toBeNull();
    });

    it('refuses a second share with an id already taken', async () => {
      const share = { id: 'share-one', deleteTokenHash: 'ab'.repeat(32), snapshot: aShareSnapshot() };
      await store().saveShare(share);

      await expect(store().saveShare({ ...share, deleteTokenHash: 'cd'.repeat(32) })).rejects.toThrow();
      expect((await store().readShare('share-one'))?.deleteTokenHash).toBe('ab'.repeat(32));
    });
  });

  describe('lifecycle', () => {
    it('says ok while open; closes once, tolerates a second close, then refuses everything', async () => {
      expect(await store().status()).toBe('ok');

      await store().close();
      await store().close();

      expect(await store().status()).toBe('down');
      await expect(save(aFeedback())).rejects.toThrow();
      await expect(store().insights()).rejects.toThrow();
    });
  });
}
