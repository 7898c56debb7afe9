import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Citation } from '../../../server/contract.js';
import {
  APPLICATION_PM_ID,
  APPLICATION_PM_TEXT,
  citationsData,
  makeCitation,
  makeSection,
  SEARCH_HEALTH,
  spanOf,
} from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer } from '../stored-answer.js';

function serveGuide() {
  const requestedSections: string[] = [];
  server.use(
    http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
    http.get('/api/sections/:id', ({ params }) => {
      const id = String(params.id);
      requestedSections.push(id);
      if (id === APPLICATION_PM_ID) return HttpResponse.json(makeSection());
      const other = makeSection().document.outline.find((entry) => entry.id === id);
      if (!other)
        return HttpResponse.json(
          { error: { code: 'not_found', message: 'No such section' } },
          { status: 404 },
        );
      const text = `### ${other.headings.at(-1)}\n\n#### 定义\n\n为节日订单做造型蛋糕。`;
      return HttpResponse.json(makeSection({ id, headings: other.headings, text, prev: null, next: null }));
    }),
  );
  return requestedSections;
}

function openCitedAnswer(text: string, citations: Citation[]) {
  return openStoredAnswer('哪个面包岗位订单最多？', { text, citations: citationsData(citations) });
}

afterEach(() => vi.restoreAllMocks());

describe('citations in an answer', () => {
  test('clicking a citation opens the full section with the cited line marked and scrolled into view', async () => {
    serveGuide();
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const answer = openCitedAnswer('酸面包师订单最多 [1]。', [makeCitation({ n: 1 })]);

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));

    const section = await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(section.querySelectorAll('mark')).toHaveLength(1));
    expect(section.querySelector('mark')?.textContent).toBe('社区面包房、连锁咖啡馆、酒店后厨大量需要');
    expect(section.textContent).toContain('没有烘焙学历也能入门');
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    const breadcrumb = within(section).getByRole('navigation', { name: 'Breadcrumb' });
    expect(breadcrumb.textContent).toContain('3. 酸面包师（Sourdough Baker）');
  });

  test('a cited sentence with bold markup is marked as the sentence reads, without the markup', async () => {
    serveGuide();
    const sentence = '面包房里**订单最多、手艺最杂**的一个岗位。';
    const citation = makeCitation({ n: 1, highlights: [spanOf(APPLICATION_PM_TEXT, sentence)] });
    const answer = openCitedAnswer('酸面包师订单最多 [1]。', [citation]);

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));

    const section = await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(section.querySelector('mark')).not.toBeNull());
    const marked = [...section.querySelectorAll('mark')].map((mark) => mark.textContent).join('');
    expect(marked).toBe('面包房里订单最多、手艺最杂的一个岗位。');
    expect(section.querySelector('strong')?.textContent).toBe('订单最多、手艺最杂');
  });

  test('the Sources panel lists the answer’s citations as cards that open the section', async () => {
    serveGuide();
    openCitedAnswer('订单最多 [1]。', [makeCitation({ n: 1 })]);
    const sources = screen.getByRole('complementary', { name: 'Sources' });

    const card = within(sources).getByRole('button', {
      name: 'Source 1: 3. 酸面包师（Sourdough Baker）',
    });
    expect(within(sources).getByText('“酸面包师订单最多。”')).toBeTruthy();
    await userEvent.click(card);

    const section = await within(sources).findByRole('region', { name: 'Cited section' });
    await waitFor(() =>
      expect(section.querySelector('mark')?.textContent).toBe('社区面包房、连锁咖啡馆、酒店后厨大量需要'),
    );
  });

  test('a marker pointing outside the citations renders as plain text, not a dead button', () => {
    serveGuide();
    const answer = openCitedAnswer('订单最多 [1]，另见 [7]。', [makeCitation({ n: 1 })]);

    expect(within(answer).getAllByRole('button', { name: /^Source \d: / })).toHaveLength(1);
    expect(within(answer).queryByRole('button', { name: /^Source 7: / })).toBeNull();
    expect(answer.textContent).toContain('[7]');
    expect(within(answer).queryByRole('link')).toBeNull();
  });

  test('adjacent and comma-separated markers each become a citation button', () => {
    serveGuide();
    const citations = [
      makeCitation({ n: 1 }),
      makeCitation({ n: 2, id: 'bakery-roles.zh#4-cake-decorator' }),
    ];
    const answer = openCitedAnswer('第一句 [1][2]。第二句 [1, 2]。', citations);

    expect(within(answer).getAllByRole('button', { name: /^Source 1: / })).toHaveLength(2);
    expect(within(answer).getAllByRole('button', { name: /^Source 2: / })).toHaveLength(2);
  });

  test('remote images are never loaded and unsafe links are not clickable', () => {
    serveGuide();
    const answer = openCitedAnswer(
      '看图 ![tracking pixel](https://evil.example/p.png) 和 [安全链接](https://example.com) 与 [坏链接](javascript:alert(1)) [1]',
      [makeCitation({ n: 1 })],
    );

    expect(answer.querySelector('img')).toBeNull();
    expect(answer.textContent).toContain('[image: tracking pixel]');
    const links = within(answer).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(answer.textContent).toContain('坏链接');
  });

  test('Escape closes the open section and returns focus to the citation', async () => {
    serveGuide();
    const answer = openCitedAnswer('订单最多 [1]。', [makeCitation({ n: 1 })]);
    const marker = within(answer).getByRole('button', { name: /^Source 1: / });

    await userEvent.click(marker);
    await screen.findByRole('region', { name: 'Cited section' });
    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('region', { name: 'Cited section' })).toBeNull();
    expect(document.activeElement).toBe(marker);
  });

  test('next-section navigation opens the neighbouring section without highlights', async () => {
    const requested = serveGuide();
    const answer = openCitedAnswer('订单最多 [1]。', [makeCitation({ n: 1 })]);
    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    const section = await screen.findByRole('region', { name: 'Cited section' });

    await userEvent.click(await within(section).findByRole('button', { name: /^Next section: 4\. 蛋糕/ }));

    const next = await screen.findByText('为节日订单做造型蛋糕。');
    expect(requested).toContain('bakery-roles.zh#4-cake-decorator');
    expect(next.closest('section')?.querySelector('mark')).toBeNull();
  });

  test('a section read before opens again from the page’s cache, without asking the server', async () => {
    const requested = serveGuide();
    const answer = openCitedAnswer('订单最多 [1]。', [makeCitation({ n: 1 })]);
    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    const section = await screen.findByRole('region', { name: 'Cited section' });
    await userEvent.click(await within(section).findByRole('button', { name: /^Next section: 4\. 蛋糕/ }));
    await screen.findByText('为节日订单做造型蛋糕。');

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));

    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Cited section' }).textContent).toContain(
        '没有烘焙学历也能入门',
      ),
    );
    expect(requested.filter((id) => id === APPLICATION_PM_ID)).toHaveLength(1);
  });

  test('opening another citation before the first section arrives cancels that request', async () => {
    serveGuide();
    let slowRequest: Request | undefined;
    server.use(
      http.get(`/api/sections/${encodeURIComponent(APPLICATION_PM_ID)}`, ({ request }) => {
        slowRequest = request;
        return new Promise<Response>(() => {});
      }),
    );
    const cake = makeCitation({ n: 2, id: 'bakery-roles.zh#4-cake-decorator' });
    const answer = openCitedAnswer('订单最多 [1]，蛋糕 [2]。', [makeCitation({ n: 1 }), cake]);

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    await waitFor(() => expect(slowRequest).toBeDefined());
    await userEvent.click(within(answer).getByRole('button', { name: /^Source 2: / }));

    await screen.findByText('为节日订单做造型蛋糕。');
    await waitFor(() => expect(slowRequest?.signal.aborted).toBe(true));
  });

  test('an uncovered question shows the nearest sections as uncited suggestions', async () => {
    serveGuide();
    const nearest = makeSection();
    openStoredAnswer('如何做菜？', {
      text: '指南没有涉及这个问题。',
      citations: citationsData([], { notCovered: true, nearest: [{ ...nearest, score: 0.2 }] }),
      metadata: { mode: 'search', retrievalMs: 5, totalMs: 9, costUsd: 0, notCovered: true },
    });
    const sources = screen.getByRole('complementary', { name: 'Sources' });

    expect(screen.getByText(/The guide doesn't cover this/)).toBeTruthy();
    await userEvent.click(within(sources).getByRole('button', { name: /3\. 酸面包师/ }));

    const section = await within(sources).findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(section.textContent).toContain('没有烘焙学历也能入门'));
    expect(section.querySelector('mark')).toBeNull();
  });
});
