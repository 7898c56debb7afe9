import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, test } from 'vitest';
import { APPLICATION_PM_ID, citationsData, makeCitation, makeSection, SEARCH_HEALTH } from '../fixtures.js';
import { server } from '../msw-server.js';
import { openStoredAnswer } from '../stored-answer.js';

function serveSection() {
  server.use(
    http.get('/api/health', () => HttpResponse.json(SEARCH_HEALTH)),
    http.get('/api/sections/:id', () => HttpResponse.json(makeSection())),
  );
}

const openAnswer = () =>
  openStoredAnswer('哪个面包岗位订单最多？', {
    text: '酸面包师订单最多 [1]。',
    citations: citationsData([makeCitation({ n: 1 })]),
  });

const addressSection = () => new URLSearchParams(window.location.search).get('s');

describe('the section open beside the chat, in the address', () => {
  test('opening a citation puts its section in the address, and Back closes it', async () => {
    serveSection();
    const answer = openAnswer();

    await userEvent.click(within(answer).getByRole('button', { name: /^Source 1: / }));
    await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(addressSection()).toBe(APPLICATION_PM_ID));
    expect(new URLSearchParams(window.location.search).get('c')).toBe('stored');

    window.history.back();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cited section' })).toBeNull());
    expect(addressSection()).toBeNull();
  });

  test('an address naming a section opens it as the citation it is in this conversation', async () => {
    serveSection();
    window.history.replaceState(null, '', `/?c=stored&s=${encodeURIComponent(APPLICATION_PM_ID)}`);
    openAnswer();

    const section = await screen.findByRole('region', { name: 'Cited section' });
    await within(section).findByText('Source 1 — the highlighted lines support the answer.');
    expect(addressSection()).toBe(APPLICATION_PM_ID);
  });

  test('a link to a section from another channel (`?section=`) opens it beside the chat', async () => {
    serveSection();
    window.history.replaceState(null, '', `/?section=${encodeURIComponent(APPLICATION_PM_ID)}`);
    openAnswer();

    await screen.findByRole('region', { name: 'Cited section' });
    await waitFor(() => expect(addressSection()).toBe(APPLICATION_PM_ID));
    expect(new URLSearchParams(window.location.search).get('section')).toBeNull();
  });
});
