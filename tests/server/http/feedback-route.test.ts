import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, FeedbackResponse } from '../../../server/contract.js';
import { aFeedback } from '../store/feedback-fixtures.js';
import { aFlywheelApp } from '../store/flywheel-test-app.js';

describe('POST /api/feedback', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  beforeEach(() => {
    flywheel = aFlywheelApp();
  });
  afterEach(async () => flywheel.close());

  const post = (body: unknown, contentType = 'application/json') =>
    flywheel.app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('stores a 👎 with 201 and answers an identical replay of the same id with 200 and no second row', async () => {
    const feedback = aFeedback();

    const first = await post(feedback);
    expect(first.status).toBe(201);
    expect((await first.json()) as FeedbackResponse).toEqual({
      id: feedback.id,
      created: true,
      updated: false,
    });

    const replay = await post(feedback);
    expect(replay.status).toBe(200);
    expect((await replay.json()) as FeedbackResponse).toEqual({
      id: feedback.id,
      created: false,
      updated: false,
    });

    const insights = await flywheel.store.insights();
    expect(insights.totals.feedback).toBe(1);
    expect(insights.latestBadCases[0]?.comment).toBe(feedback.comment);
  });

  it("lets the user change their mind: the same id with another rating updates the answer's rating", async () => {
    const feedback = aFeedback({ rating: 'up', reasons: undefined, comment: undefined });
    await post(feedback);

    const changed = await post({
      ...feedback,
      rating: 'down',
      reasons: ['outdated'],
      comment: 'old numbers',
    });

    expect(changed.status).toBe(200);
    expect((await changed.json()) as FeedbackResponse).toEqual({
      id: feedback.id,
      created: false,
      updated: true,
    });
    const insights = await flywheel.store.insights();
    expect(insights.totals).toMatchObject({ feedback: 1, up: 0, down: 1 });
    expect(insights.latestBadCases[0]).toMatchObject({ reasons: ['outdated'], comment: 'old numbers' });
  });

  it('records that the rated answer was cut short', async () => {
    const feedback = aFeedback({ truncated: true });

    expect((await post(feedback)).status).toBe(201);

    expect((await flywheel.store.insights()).latestBadCases[0]?.truncated).toBe(true);
  });

  it('records the heading path of each cited section, and an empty path for an id it no longer knows', async () => {
    const feedback = aFeedback({
      citations: [
        { n: 1, id: 'ai-pm-roles.zh#evaluation' },
        { n: 2, id: 'removed-doc#old-section' },
      ],
    });

    expect((await post(feedback)).status).toBe(201);

    const [badCase] = (await flywheel.store.insights()).latestBadCases;
    expect(badCase?.citations).toEqual([
      { n: 1, id: 'ai-pm-roles.zh#evaluation', headings: ['AI 产品经理', '评测 (Evaluation)'] },
      { n: 2, id: 'removed-doc#old-section', headings: [] },
    ]);
  });

  it('accepts a 👍 without reasons or comment', async () => {
    const response = await post(aFeedback({ rating: 'up', reasons: undefined, comment: undefined }));

    expect(response.status).toBe(201);
    expect((await flywheel.store.insights()).totals).toMatchObject({ up: 1, down: 0 });
  });

  const badInputs: Array<[string, unknown, string, number, string]> = [
    [
      'an id that is not a UUID',
      { ...aFeedback(), id: 'not-a-uuid' },
      'application/json',
      400,
      'bad_request',
    ],
    ['no question', { ...aFeedback(), question: undefined }, 'application/json', 400, 'bad_request'],
    [
      'a rating other than up/down',
      { ...aFeedback(), rating: 'meh' },
      'application/json',
      400,
      'bad_request',
    ],
    ['an unknown reason', { ...aFeedback(), reasons: ['boring'] }, 'application/json', 400, 'bad_request'],
    ['a body that is not JSON', '{"id": ', 'application/json', 400, 'bad_request'],
    ['a form post', 'rating=down', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
  ];

  it.each(badInputs)(
    'rejects %s with a JSON error and stores nothing',
    async (_, body, type, status, code) => {
      const response = await post(body, type);

      expect(response.status).toBe(status);
      const error = (await response.json()) as ErrorBody;
      expect(error.error.code).toBe(code);
      expect(error.error.message).toEqual(expect.any(String));
      expect((await flywheel.store.insights()).totals.feedback).toBe(0);
    },
  );

  it('names the offending field when validation fails', async () => {
    const response = await post({ ...aFeedback(), id: 'not-a-uuid' });

    const error = (await response.json()) as ErrorBody;
    expect(error.error.details?.some((detail) => detail.startsWith('id:'))).toBe(true);
  });

  it('answers 503 — never a success — when the feedback could not be stored', async () => {
    await flywheel.store.close();

    const response = await post(aFeedback());

    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.code).toBe('unavailable');
    expect(flywheel.logger.lines.some((line) => line.event === 'feedback_save_failed')).toBe(true);
  });
});
