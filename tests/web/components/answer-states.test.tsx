import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import type {
  ChatMetadata,
  Citation,
  CitationFlagsRequest,
  FeedbackRequest,
  SearchResult,
} from '../../../server/contract.js';
import { citationsData, makeSection, SEARCH_HEALTH, spanOf } from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer } from '../stored-answer.js';

// A small corpus of its own: a handbook on running a bakery, nothing like the guide's documents.
const DOC = 'Bakery handbook';
const OVENS = [
  '## Ovens',
  '',
  '- Preheat for forty minutes before the first bake.',
  '- Clean the deck every Friday.',
].join('\n');
const PREHEAT = '- Preheat for forty minutes before the first bake.';
const CLEAN = '- Clean the deck every Friday.';

function passage(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    id: `bakery#ovens-${n}`,
    docId: 'bakery',
    docTitle: DOC,
    headings: [DOC, 'Equipment', 'Ovens'],
    anchor: `ovens-${n}`,
    text: OVENS,
    score: 1,
    highlights: [spanOf(OVENS, PREHEAT), spanOf(OVENS, CLEAN)],
    citedBy: [],
    n,
    ...overrides,
  };
}

function serveBakery() {
  server.use(
    http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
    http.get('/api/sections/:id', ({ params }) =>
      HttpResponse.json(
        makeSection({
          id: String(params.id),
          docId: 'bakery',
          docTitle: DOC,
          headings: [DOC, 'Equipment', 'Ovens'],
          text: OVENS,
          document: {
            id: 'bakery',
            title: DOC,
            outline: [
              { id: 'bakery#equipment', headings: [DOC, 'Equipment'], anchor: 'equipment', depth: 2 },
              { id: 'bakery#ovens-1', headings: [DOC, 'Equipment', 'Ovens'], anchor: 'ovens', depth: 3 },
              { id: 'bakery#staff', headings: [DOC, 'Staff'], anchor: 'staff', depth: 2 },
            ],
          },
          prev: null,
          next: null,
        }),
      ),
    ),
  );
}

describe('what an answer shows about its sources and its state', () => {
  test('a marker marks strongly the line its own sentence rests on, and names its passage', async () => {
    serveBakery();
    const answer = openStoredAnswer('How do I run the oven?', {
      text: 'Preheat for forty minutes [1]. Clean the deck every Friday [1].',
      citations: citationsData([passage(1, { citedBy: ['Preheat for forty minutes.'] })]),
    });

    const markers = within(answer).getAllByRole('button', { name: 'Source 1: Ovens — Equipment' });
    expect(markers).toHaveLength(2);
    await userEvent.click(markers[1] as HTMLElement);

    const section = await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(section.querySelectorAll('mark')).toHaveLength(2));
    const strong = section.querySelectorAll('mark.is-strong');
    expect(strong).toHaveLength(1);
    expect(strong[0]?.textContent).toContain('Clean the deck every Friday');
  });

  test('the hover/focus preview of a marker shows the span it cites', () => {
    serveBakery();
    const answer = openStoredAnswer('When do I preheat?', {
      text: 'Preheat for forty minutes [1].',
      citations: citationsData([passage(1)]),
    });
    const marker = within(answer).getByRole('button', { name: /^Source 1: / });
    const preview = document.getElementById(marker.getAttribute('aria-describedby') ?? '');
    expect(preview?.textContent).toContain('Preheat for forty minutes before the first bake.');
    expect(preview?.textContent).not.toContain('Friday');
  });

  test('only cited passages count as sources; the rest sit in a collapsed "Also searched", unflaggable', () => {
    serveBakery();
    const answer = openStoredAnswer('When do I preheat?', {
      text: 'Preheat for forty minutes [1].',
      citations: citationsData([passage(1), passage(2, { id: 'bakery#staff', headings: [DOC, 'Staff'] })]),
    });

    expect(within(answer).getByRole('button', { name: 'Show sources (1)' })).toBeTruthy();
    const sources = screen.getByRole('complementary', { name: 'Sources' });
    const list = within(sources).getByRole('list', { name: 'Citations' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(sources).getAllByRole('button', { name: "Source doesn't support this" })).toHaveLength(1);
    const also = within(sources).getByText('Also searched (1)').closest('details');
    expect(also?.open).toBe(false);
  });

  test('a question the guide does not cover says what it covers, offers questions and related sections', async () => {
    serveBakery();
    const nearest: SearchResult[] = [
      { ...passage(1), score: 0.2 },
      { ...passage(2, { id: 'bakery#staff', headings: [DOC, 'Staff'], anchor: 'staff' }), score: 0.1 },
    ];
    const answer = openStoredAnswer('How do I fix a car?', {
      text: 'Not covered.',
      citations: citationsData([], { notCovered: true, nearest }),
      metadata: { mode: 'search', retrievalMs: 1, totalMs: 2, costUsd: 0, notCovered: true },
    });

    await within(answer).findByText(/It covers: Equipment, Staff\./);
    expect(within(answer).getByRole('button', { name: 'What does the guide say about Ovens?' })).toBeTruthy();
    expect(within(answer).getByRole('button', { name: 'What does the guide say about Staff?' })).toBeTruthy();
    const related = within(answer).getByRole('navigation', { name: 'Related sections' });
    expect(within(related).getAllByRole('link')).toHaveLength(2);
    await userEvent.click(within(related).getAllByRole('link')[0] as HTMLElement);
    expect(await screen.findByRole('region', { name: 'Cited section' })).toBeTruthy();
  });

  test('a question nothing in the guide is near says so, beside what the guide covers and questions to ask', async () => {
    server.use(
      http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
      http.get('/api/outline', () =>
        HttpResponse.json({
          documents: [
            {
              id: 'bakery',
              title: DOC,
              lang: 'en',
              outline: [
                {
                  id: 'bakery#equipment',
                  headings: [DOC, 'Equipment'],
                  anchor: 'equipment',
                  depth: 2,
                  key: 'bakery#1',
                  hasText: false,
                },
                {
                  id: 'bakery#staff',
                  headings: [DOC, 'Staff'],
                  anchor: 'staff',
                  depth: 2,
                  key: 'bakery#2',
                  hasText: true,
                },
              ],
            },
          ],
        }),
      ),
    );
    const answer = openStoredAnswer('How do I tune a violin?', {
      text: 'Not covered.',
      citations: citationsData([], { notCovered: true, nearest: [] }),
      metadata: { mode: 'search', retrievalMs: 1, totalMs: 2, costUsd: 0, notCovered: true },
    });

    await within(answer).findByText(/It covers: Equipment, Staff\./);
    expect(within(answer).getByText('The guide has no section close to this question.')).toBeTruthy();
    expect(within(answer).getByRole('button', { name: 'What does the guide say about Staff?' })).toBeTruthy();
    expect(within(answer).queryByRole('navigation', { name: 'Related sections' })).toBeNull();
  });

  test('a stopped answer says it is incomplete, and its rating says it was truncated', async () => {
    serveBakery();
    const ratings: FeedbackRequest[] = [];
    server.use(
      http.post('/api/feedback', async ({ request }) => {
        ratings.push((await request.json()) as FeedbackRequest);
        return HttpResponse.json({ id: ratings.at(-1)?.id, created: true, updated: false }, { status: 201 });
      }),
      http.post('/api/feedback/flags', async ({ request }) => {
        (await request.json()) as CitationFlagsRequest;
        return HttpResponse.json({ messageId: 'x', created: 1, existing: 0 }, { status: 201 });
      }),
    );
    // As the web saves an answer the reader stopped (see markStopped).
    const metadata = { mode: 'llm' as const, model: 'm', retrievalMs: 1, stopped: true } as ChatMetadata;
    const answer = openStoredAnswer('When do I preheat?', { text: 'Preheat for', metadata });

    expect(within(answer).getByText('Stopped — incomplete')).toBeTruthy();
    await userEvent.click(within(answer).getByRole('button', { name: 'Helpful' }));
    await waitFor(() => expect(ratings).toHaveLength(1));
    expect(ratings[0]?.truncated).toBe(true);
  });
});
