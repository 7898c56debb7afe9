import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ask,
  type BrowserSession,
  citationButton,
  citationNumbers,
  citedSection,
  launchBrowser,
  openCitation,
  openSession,
  reportOnFailure,
} from './support/browser.js';
import { FAKE_USAGE, type FakeOpenAiServer, startFakeOpenAiServer } from './support/fake-openai-server.js';
import { type RunningApp, startApp } from './support/start-app.js';

// Distinctive, so finding it anywhere the browser can read is never a coincidence.
const API_KEY = 'sk-e2e-secret-4c1d9f7a';
const MODEL = 'fake-model';

describe('LLM mode against an OpenAI-compatible server', () => {
  let fake: FakeOpenAiServer | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    [app, browser] = await Promise.all([
      startApp({
        env: {
          OPENAI_API_KEY: API_KEY,
          OPENAI_BASE_URL: fake.baseUrl,
          OPENAI_MODEL: MODEL,
          LLM_FIRST_TOKEN_TIMEOUT_MS: '1500',
          // A retry waits 2 s, past the 1.5 s first-token deadline: the fault shown would be the deadline's.
          LLM_MAX_RETRIES: '0',
        },
      }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  beforeEach(async (context) => {
    reportOnFailure(context, { app: () => app, session: () => session });
    if (!browser || !app || !fake) throw new Error('the app, the fake model or the browser did not start');
    fake.setScenario('ok');
    session = await openSession(browser, app.baseUrl);
    await session.page.goto('/');
  });

  afterEach(async () => {
    // Whatever happened, the key must never have reached the browser.
    const bodies = (await session?.responseBodies()) ?? [];
    expect(bodies.length).toBeGreaterThan(0);
    for (const { url, body } of bodies) expect(body, url).not.toContain(API_KEY);
    expect(await session?.page.content()).not.toContain(API_KEY);
    await session?.close();
    session = undefined;
  });

  function currentSession() {
    if (!session || !fake || !app) throw new Error('no browser session');
    return { page: session.page, fake, app };
  }

  it('streams a cited answer from the model and opens the cited section', async () => {
    const { page, fake } = currentSession();
    await page.getByText(`LLM mode · ${MODEL}`).waitFor();

    const answer = await ask(page, 'What does an AI platform PM care about?');
    await expect.poll(() => answer.textContent()).toContain('According to the corpus');
    await answer.getByText(`LLM · ${MODEL}`).waitFor();
    await expect
      .poll(() => answer.textContent())
      .toContain(`${FAKE_USAGE.prompt_tokens} in / ${FAKE_USAGE.completion_tokens} out tokens`);

    const chatCall = fake.requests.find((request) => request.body.stream === true);
    expect(chatCall?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(chatCall?.body.model).toBe(MODEL);

    await citationButton(answer, 1).click();
    const section = citedSection(page);
    await section.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
    await expect.poll(() => section.locator('mark').count()).toBeGreaterThan(0);
  });

  it.each([
    { scenario: 'http-500', reason: 'server-error', story: 'the model answers HTTP 500' },
    { scenario: 'hang', reason: 'timeout', story: 'the model never sends a first token' },
  ] as const)('falls back to the search-mode answer when $story', async ({ scenario, reason }) => {
    const { page, fake, app } = currentSession();
    fake.setScenario(scenario);
    const fallbacksBefore = app.events('llm_fallback').length;

    const answer = await ask(page, '哪类 AI 产品经理需求量最高？');
    await answer.getByText(`Fallback: ${reason}`, { exact: true }).waitFor();
    await expect.poll(() => answer.textContent()).toContain('最高');

    expect(await openCitation(page, answer, 1)).toContain('应用');
    await citedSection(page).locator('mark').first().waitFor();
    await expect.poll(() => app.events('llm_fallback').length).toBeGreaterThan(fallbacksBefore);
    expect(app.logs.join('\n')).not.toContain(API_KEY);
  });

  it('keeps what the model wrote before the connection dropped, marks it cut off and appends the search answer', async () => {
    const { page, fake, app } = currentSession();
    fake.setScenario('drop-mid-stream');
    const fallbacksBefore = app.events('llm_fallback').length;

    const answer = await ask(page, 'What does an AI platform PM care about?');
    await answer.getByText('Fallback: stream-cut', { exact: true }).waitFor();
    await expect.poll(() => answer.textContent()).toContain('According to');
    await expect.poll(() => answer.textContent()).toContain('answer cut off');

    const breadcrumbs: string[] = [];
    for (const n of await citationNumbers(answer)) breadcrumbs.push(await openCitation(page, answer, n));
    expect(
      breadcrumbs.some((breadcrumb) => breadcrumb.includes('AI Platform PM')),
      breadcrumbs.join('\n'),
    ).toBe(true);
    await expect.poll(() => app.events('llm_fallback').length).toBeGreaterThan(fallbacksBefore);
  });
});
