import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CitationFlagsResponse, ErrorBody, FeedbackResponse } from '../../../server/contract.js';
import { aFeedback, aFlagReport } from '../store/feedback-fixtures.js';
import { aFlywheelApp } from '../store/flywheel-test-app.js';

describe('flagging a citation that does not support its sentence', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  beforeEach(() => {
    flywheel = aFlywheelApp();
  });
  afterEach(async () => flywheel.close());

  const post = (path: string, body: unknown) =>
    flywheel.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('stores a flag with 201, says a replay changed nothing, and never counts it as a rating', async () => {
    const report = aFlagReport();

    const first = await post('/api/feedback/flags', report);
    expect(first.status).toBe(201);
    expect((await first.json()) as CitationFlagsResponse).toEqual({
      messageId: report.messageId,
      created: 1,
      existing: 0,
    });

    const replay = await post('/api/feedback/flags', report);
    expect(replay.status).toBe(200);
    expect((await replay.json()) as CitationFlagsResponse).toEqual({
      messageId: report.messageId,
      created: 0,
      existing: 1,
    });

    const insights = await flywheel.store.insights();
    expect(insights.totals.feedback).toBe(0);
    expect(insights.flags.latest).toEqual([
      expect.objectContaining({
        n: 1,
        citationId: 'ai-pm-roles.zh#evaluation',
        headings: ['AI 产品经理', '评测 (Evaluation)'],
      }),
    ]);
  });

  it('still takes flags inside a feedback body, storing them as flags and leaving the rating alone', async () => {
    const rating = aFeedback({ rating: 'up', reasons: undefined });
    await post('/api/feedback', rating);
    const flagBody = aFeedback({
      messageId: rating.messageId,
      rating: 'down',
      reasons: ['unsupported'],
      citationFlags: [{ n: 2, sentence: 'Ships model features [2].' }],
    });

    const response = await post('/api/feedback', flagBody);

    expect(response.status).toBe(201);
    expect((await response.json()) as FeedbackResponse).toEqual({
      id: flagBody.id,
      created: true,
      updated: false,
    });
    const again = await post('/api/feedback/flags', {
      ...aFlagReport({ messageId: rating.messageId }),
      flags: [{ n: 2, sentence: 'Ships model features [2].' }],
    });
    expect(((await again.json()) as CitationFlagsResponse).existing).toBe(1);
    const insights = await flywheel.store.insights();
    expect(insights.totals).toMatchObject({ feedback: 1, up: 1, down: 0 });
    expect(insights.flags.total).toBe(1);
  });

  it.each([
    ['no flags', { ...aFlagReport(), flags: [] }, 'flags'],
    ['a flag without its sentence', { ...aFlagReport(), flags: [{ n: 1 }] }, 'flags.0.sentence'],
    ['a flag on citation 0', { ...aFlagReport(), flags: [{ n: 0, sentence: 'x' }] }, 'flags.0.n'],
    ['no answer id', { ...aFlagReport(), messageId: undefined }, 'messageId'],
  ])('rejects %s with a 400 naming the field', async (_, body, field) => {
    const response = await post('/api/feedback/flags', body);

    expect(response.status).toBe(400);
    const error = (await response.json()) as ErrorBody;
    expect(error.error.details?.some((detail) => detail.startsWith(`${field}:`))).toBe(true);
  });

  it('answers 503 when the flag could not be stored', async () => {
    await flywheel.store.close();

    const response = await post('/api/feedback/flags', aFlagReport());

    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.code).toBe('unavailable');
  });
});
