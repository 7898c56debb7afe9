import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody, InsightsReport, InsightsResponse } from '../../../server/contract.js';
import { aFeedback } from '../store/feedback-fixtures.js';
import { aFlywheelApp, FROM_ANOTHER_MACHINE, FROM_THIS_MACHINE } from '../store/flywheel-test-app.js';

const TOKEN = 's3cret-admin-token';

describe('GET /api/insights and /api/insights/export', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  afterEach(async () => flywheel.close());

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
    flywheel.app.request(
      path,
      { headers: token ? { authorization: `Bearer ${token}` } : {} },
      FROM_THIS_MACHINE,
    );

  it('shows the dashboard numbers to a viewer on this machine when no admin token is configured', async () => {
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
      for (const path of ['/api/insights', '/api/insights/export', '/api/feedback/export?format=csv']) {
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
    await flywheel.store.close();

    for (const path of ['/api/insights', '/api/insights/export', '/api/feedback/export']) {
      const response = await get(path);
      expect(response.status).toBe(503);
      expect(((await response.json()) as ErrorBody).error.code).toBe('unavailable');
    }
  });

  it('filters the dashboard by inclusive UTC days and echoes the range', async () => {
    await withSomeFeedback();
    const today = '2026-01-01';

    const todays = (await (await get(`/api/insights?from=${today}&to=${today}`)).json()) as InsightsReport;
    const before = (await (await get('/api/insights?to=2025-12-31')).json()) as InsightsReport;
    const future = (await (await get('/api/insights?from=2999-01-01')).json()) as InsightsReport;

    expect(todays.range).toEqual({ from: today, to: today });
    expect(todays.totals.feedback).toBe(2);
    expect(todays.daily).toEqual([{ date: today, answers: 2, down: 1, downRate: 0.5, notCovered: 1 }]);
    expect(future.totals).toEqual({ feedback: 0, up: 0, down: 0, gaps: 0 });
    expect(before.totals.feedback).toBe(0);
  });

  it.each([
    ['a date that is not one', '/api/insights?from=yesterday', 'from'],
    ['a month 13', '/api/insights?to=2026-13-01', 'to'],
    ['from after to', '/api/insights?from=2026-03-02&to=2026-03-01', 'from'],
    ['an unknown export format', '/api/feedback/export?format=xlsx', 'format'],
  ])('rejects %s with a 400 naming the parameter', async (_, path, field) => {
    flywheel = aFlywheelApp();

    const response = await get(path);

    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as ErrorBody).error.details?.some((detail) => detail.startsWith(`${field}:`)),
    ).toBe(true);
  });
});

describe('insights are private by default', () => {
  let flywheel: ReturnType<typeof aFlywheelApp>;
  afterEach(async () => flywheel.close());

  const status = async (path: string, bindings: object, headers: Record<string, string> = {}) => {
    const response = await flywheel.app.request(path, { headers }, bindings);
    return { status: response.status, body: (await response.json()) as ErrorBody };
  };

  it('without ADMIN_TOKEN, refuses viewers on other machines while the server is bound to loopback', async () => {
    flywheel = aFlywheelApp();
    for (const path of ['/api/insights', '/api/insights/export', '/api/feedback/export']) {
      const refused = await status(path, FROM_ANOTHER_MACHINE);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    // A request relayed by a proxy on this machine is somebody else's.
    expect(
      (await status('/api/insights', FROM_THIS_MACHINE, { 'x-forwarded-for': '203.0.113.9' })).status,
    ).toBe(403);
    expect((await status('/api/insights', FROM_THIS_MACHINE)).status).toBe(200);
  });

  it('without ADMIN_TOKEN, refuses everyone once the server is bound beyond loopback', async () => {
    flywheel = aFlywheelApp({ HOST: '0.0.0.0' });
    const refused = await status('/api/insights', FROM_THIS_MACHINE);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ADMIN_TOKEN');
  });

  it('with ADMIN_TOKEN, serves the right token from anywhere', async () => {
    flywheel = aFlywheelApp({ HOST: '0.0.0.0', ADMIN_TOKEN: TOKEN });
    const response = await flywheel.app.request(
      '/api/insights',
      { headers: { authorization: `Bearer ${TOKEN}` } },
      FROM_ANOTHER_MACHINE,
    );
    expect(response.status).toBe(200);
  });
});
