import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { CompareResponse, OutlineResponse, SectionResponse } from '../../../server/contract.js';
import { GuideBrowser } from '../../../web/components/guide-browser.js';
import { InsightsCharts } from '../../../web/components/insights-charts.js';
import { I18nProvider } from '../../../web/lib/i18n.js';
import { server } from '../msw-server.js';

const entry = (id: string, headings: string[], hasText = true) => ({
  id,
  headings,
  anchor: id.split('#')[1] ?? '',
  depth: headings.length,
  key: id,
  hasText,
});

const OUTLINE: OutlineResponse = {
  documents: [
    {
      id: 'kites',
      title: 'Kites',
      lang: 'en',
      outline: [
        entry('kites#kites', ['Kites'], false),
        entry('kites#box-kite', ['Kites', 'Box Kite']),
        entry('kites#delta-kite', ['Kites', 'Delta Kite']),
      ],
    },
  ],
};

const SECTION: SectionResponse = {
  id: 'kites#delta-kite',
  docId: 'kites',
  docTitle: 'Kites',
  headings: ['Kites', 'Delta Kite'],
  anchor: 'delta-kite',
  text: '## Delta Kite\n\nA triangle that flies in light wind.',
  start: 0,
  end: 40,
  document: { id: 'kites', title: 'Kites', outline: OUTLINE.documents[0]?.outline ?? [] },
  prev: entry('kites#box-kite', ['Kites', 'Box Kite']),
  next: null,
  editions: [],
};

function serveGuide(compare: CompareResponse = { groups: [] }) {
  server.use(
    http.get('/api/outline', () => HttpResponse.json(OUTLINE)),
    http.get('/api/compare', () => HttpResponse.json(compare)),
    http.get('/api/sections/:id', () => HttpResponse.json(SECTION)),
  );
}

describe('the guide browser', () => {
  it('filters the contents as you type, reads a section and hands a scoped question to the chat', async () => {
    serveGuide();
    const onNavigate = vi.fn();
    const onAsk = vi.fn();
    const { rerender } = render(
      <GuideBrowser
        view="contents"
        sectionId={null}
        onNavigate={onNavigate}
        onClose={vi.fn()}
        onAsk={onAsk}
      />,
    );
    const contents = await screen.findByRole('navigation', { name: 'Contents' });
    await within(contents).findByRole('button', { name: 'Box Kite' });
    await userEvent.type(within(contents).getByRole('searchbox'), 'delta');
    expect(within(contents).queryByRole('button', { name: 'Box Kite' })).toBeNull();
    await userEvent.click(within(contents).getByRole('button', { name: 'Delta Kite' }));
    expect(onNavigate).toHaveBeenCalledWith({ guide: 'contents', sectionId: 'kites#delta-kite' });

    rerender(
      <GuideBrowser
        view="contents"
        sectionId="kites#delta-kite"
        onNavigate={onNavigate}
        onClose={vi.fn()}
        onAsk={onAsk}
      />,
    );
    expect(await screen.findByText('A triangle that flies in light wind.')).toBeTruthy();
    expect(screen.getByRole('button', { name: '← Previous: Box Kite' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ask about this section' }));
    expect(onAsk).toHaveBeenCalledWith(
      {
        question: 'What does the guide say about “Delta Kite”?',
        sectionId: 'kites#delta-kite',
        heading: 'Delta Kite',
      },
      false,
    );
  });

  it('offers no Compare tab for a guide without siblings written to one template, in Chinese too', async () => {
    serveGuide();
    render(
      <I18nProvider initial="zh">
        <GuideBrowser
          view="compare"
          sectionId={null}
          onNavigate={vi.fn()}
          onClose={vi.fn()}
          onAsk={vi.fn()}
        />
      </I18nProvider>,
    );
    await screen.findByRole('navigation', { name: '目录' });
    expect(screen.queryByRole('button', { name: '对比' })).toBeNull();
  });
});

describe('insights over time', () => {
  it('draws one bar per day for the 👎 rate and the not-covered questions', () => {
    render(
      <InsightsCharts
        daily={[
          { date: '2026-11-30', answers: 4, down: 1, downRate: 0.25, notCovered: 2 },
          { date: '2026-12-01', answers: 0, down: 0, downRate: null, notCovered: 3 },
        ]}
      />,
    );
    const [downRate, notCovered] = screen.getAllByRole('img');
    expect(downRate?.getAttribute('aria-label')).toContain('2026-11-30 25%');
    expect(downRate?.querySelectorAll('rect')).toHaveLength(1);
    expect(notCovered?.querySelectorAll('rect')).toHaveLength(2);
  });
});
