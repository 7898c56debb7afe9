import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type { InsightsResponse } from '../../../server/contract.js';
import { InsightsPage } from '../../../web/components/insights-page.js';
import { renderInLocale } from '../fixtures.js';
import { server } from '../msw-server.js';

const INSIGHTS: InsightsResponse = {
  totals: { feedback: 12, up: 9, down: 3, gaps: 4 },
  downRateByMode: [
    { mode: 'llm', total: 8, down: 1, rate: 0.125 },
    { mode: 'search', total: 4, down: 2, rate: 0.5 },
  ],
  topReasons: [{ reason: 'unsupported', count: 2 }],
  latestBadCases: [
    {
      id: 'f1',
      createdAt: '2025-05-01T10:00:00.000Z',
      question: '模型 PM 的门槛高吗？',
      answer: '门槛较高 [1]。',
      mode: 'search',
      model: null,
      reasons: ['unsupported'],
      comment: '引用不对',
      citations: [
        {
          n: 1,
          id: 'bakery-roles.zh#1-fermentation',
          headings: ['面包房里都有哪些岗位？', '1. 发酵师（Fermentation Lead）'],
        },
      ],
    },
  ],
  topGaps: [{ question: 'AI PM 的薪资是多少？', count: 3, lastAskedAt: '2025-05-02T08:00:00.000Z' }],
};

describe('the insights page', () => {
  test('asks for the admin token when the server requires one, then shows the insights', async () => {
    const authorizations: Array<string | null> = [];
    server.use(
      http.get('/api/insights', ({ request }) => {
        const authorization = request.headers.get('Authorization');
        authorizations.push(authorization);
        if (authorization !== 'Bearer s3cret') {
          return HttpResponse.json(
            { error: { code: 'unauthorized', message: 'Admin token required' } },
            { status: 401 },
          );
        }
        return HttpResponse.json(INSIGHTS);
      }),
    );
    renderInLocale(<InsightsPage />);

    await userEvent.type(await screen.findByLabelText('Admin token'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Show insights' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not accepted');
    await userEvent.clear(screen.getByLabelText('Admin token'));
    await userEvent.type(screen.getByLabelText('Admin token'), 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Show insights' }));

    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(within(totals).getByText('12')).toBeTruthy();
    expect(authorizations).toEqual([null, 'Bearer wrong', 'Bearer s3cret']);
    expect(sessionStorage.getItem('aipm-guide.admin-token')).toBe('s3cret');
    const rates = screen.getByRole('region', { name: 'Not-helpful rate by mode' });
    expect(within(rates).getByRole('row', { name: /search 4 2 50%/ })).toBeTruthy();
    const badCases = screen.getByRole('region', { name: 'Latest bad cases' });
    expect(badCases.textContent).toContain('模型 PM 的门槛高吗？');
    expect(badCases.textContent).toContain('面包房里都有哪些岗位？ › 1. 发酵师（Fermentation Lead）');
    expect(badCases.textContent).toContain('Not supported by its citation');
    expect(screen.getByRole('region', { name: 'Top not-covered questions' }).textContent).toContain(
      'AI PM 的薪资是多少？',
    );
  });

  test('shows insights straight away when no token is required', async () => {
    server.use(http.get('/api/insights', () => HttpResponse.json(INSIGHTS)));
    renderInLocale(<InsightsPage />);

    expect(await screen.findByRole('region', { name: 'Top reasons' })).toBeTruthy();
    expect(screen.queryByLabelText('Admin token')).toBeNull();
  });

  test('speaks Chinese to a Chinese-speaking owner: sign-in, report parts and the reasons users gave', async () => {
    server.use(
      http.get('/api/insights', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer s3cret'
          ? HttpResponse.json(INSIGHTS)
          : HttpResponse.json(
              { error: { code: 'unauthorized', message: 'Admin token required' } },
              { status: 401 },
            ),
      ),
    );
    renderInLocale(<InsightsPage />, 'zh');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('洞察');
    await userEvent.type(await screen.findByLabelText('管理员令牌'), 's3cret');
    await userEvent.click(screen.getByRole('button', { name: '查看洞察' }));

    expect(await screen.findByRole('region', { name: '总计' })).toBeTruthy();
    const reasons = screen.getByRole('region', { name: '主要原因' });
    expect(reasons.textContent).toContain('引用');
    expect(reasons.textContent).not.toContain('Not supported');
    expect(screen.getByRole('columnheader', { name: '提问次数' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回对话' })).toBeTruthy();
  });
});
