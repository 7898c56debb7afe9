import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InsightsResponse } from '../../../server/contract.js';
import { aFeedback } from '../store/feedback-fixtures.js';
import { aFlywheelApp } from '../store/flywheel-test-app.js';

const TOKEN = 's3cret-admin-token';

describe('GET /api/insights and /api/insights/export', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  afterEach(() => flywheel.close());

  async function withSomeFeedback(env: Record<string, string> = {}) {
    flywheel = aFlywheelApp(env);
    const down = aFeedback({ question: '评测指标怎么定？', reasons: ['missing'] });
    const citationHeadings = { 'ai-pm-roles.zh#evaluation': ['AI 产品经理', '评测 (Evaluation)'] };
    await flywheel.store.saveFeedback({ ...down, citationHeadings, appVersion: 'test' });
    await flywheel.store.saveFeedback({
      ...aFeedback({ rating: 'up' }),
      citationHeadings,
      appVersion: 'test',
    });
    await flywheel.store.logGap({ question: 'Best pizza in Rome?', mode: 'search', nearest: [] });
    return down;
  }

  const get = (path: string, token?: string) =>
    flywheel.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('shows the dashboard numbers to anyone when no admin token is configured', async () => {
    const down = await withSomeFeedback();

    const response = await get('/api/insights');

    expect(response.status).toBe(200);
    const insights = (await response.json()) as InsightsResponse;
    expect(insights.totals).toEqual({ feedback: 2, up: 1, down: 1, gaps: 1 });
    expect(insights.latestBadCases.map((badCase) => badCase.id)).toEqual([down.id]);
    expect(insights.topGaps).toEqual([
      { question: 'Best pizza in Rome?', count: 1, lastAskedAt: expect.any(String) },
    ]);
  });

  it('turns away requests without the right bearer token when ADMIN_TOKEN is set', async () => {
    await withSomeFeedback({ ADMIN_TOKEN: TOKEN });

    for (const token of [undefined, 'wrong-token', `${TOKEN}x`]) {
      for (const path of ['/api/insights', '/api/insights/export']) {
        const response = await get(path, token);
        expect(response.status).toBe(401);
        expect(((await response.json()) as ErrorBody).error.code).toBe('unauthorized');
      }
    }
    const basic = await flywheel.app.request('/api/insights', {
      headers: { authorization: `Basic ${TOKEN}` },
    });
    expect(basic.status).toBe(401);
  });

  it('lets the admin in with the bearer token', async () => {
    await withSomeFeedback({ ADMIN_TOKEN: TOKEN });

    const insights = await get('/api/insights', TOKEN);
    const exported = await get('/api/insights/export', TOKEN);

    expect(insights.status).toBe(200);
    expect(((await insights.json()) as InsightsResponse).totals.feedback).toBe(2);
    expect(exported.status).toBe(200);
  });

  it('exports the eval candidates as JSON lines in the golden set format', async () => {
    const down = await withSomeFeedback();

    const response = await get('/api/insights/export');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        id: `fb-${down.id}`,
        question: '评测指标怎么定？',
        lang: 'zh',
        expected: ['ai-pm-roles.zh#evaluation', 'ai-pm-roles.zh#shipping'],
        offTopic: false,
        reviewed: false,
        source: 'feedback',
        note: expect.stringContaining('reasons: missing'),
      },
      {
        id: expect.stringMatching(/^gap-[0-9a-f]{12}$/),
        question: 'Best pizza in Rome?',
        lang: 'en',
        expected: [],
        offTopic: true,
        reviewed: false,
        source: 'gap',
        note: 'not covered; asked 1 time',
      },
    ]);
  });

  it('answers 503 when the store cannot be read', async () => {
    await withSomeFeedback();
    flywheel.store.close();

    for (const path of ['/api/insights', '/api/insights/export']) {
      const response = await get(path);
      expect(response.status).toBe(503);
      expect(((await response.json()) as ErrorBody).error.code).toBe('unavailable');
    }
  });
});
