import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_USAGE, type FakeOpenAiServer, startFakeOpenAiServer } from './support/fake-openai-server.js';
import { useStoryHarness } from './support/harness.js';
import {
  answers,
  ask,
  citedSection,
  composer,
  DESKTOP_EN,
  fill,
  markerNumbers,
  openCitation,
  PHONE_ZH,
  type ReaderSetup,
} from './support/reader.js';

// Distinctive, so finding it anywhere the browser can read is never a coincidence.
const API_KEY = 'sk-e2e-secret-4c1d9f7a';
const MODEL = 'fake-model';
const ROLE_QUESTION = 'What does an AI platform PM care about?';

/** The fallback's one plain sentence, and the technical reason kept in its tooltip. */
async function fallbackNote(answer: Locator, reader: ReaderSetup) {
  const note = answer.getByText(reader.words['fallback.sentence'], { exact: true });
  await note.waitFor();
  return { title: (await note.getAttribute('title')) ?? '', text: (await answer.textContent()) ?? '' };
}

describe('LLM mode against an OpenAI-compatible server', () => {
  let fake: FakeOpenAiServer | undefined;
  const harness = useStoryHarness(async () => {
    fake = await startFakeOpenAiServer();
    return {
      env: {
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_MODEL: MODEL,
        LLM_FIRST_TOKEN_TIMEOUT_MS: '1500',
        // A retry waits 2 s, past the 1.5 s first-token deadline: the fault shown would be the deadline's.
        LLM_MAX_RETRIES: '0',
        RATE_LIMIT_CHAT: '200',
      },
    };
  });
  const model = () => {
    if (!fake) throw new Error('the fake model did not start');
    return fake;
  };

  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake?.setScenario('ok'));
  afterEach(async () => {
    // Whatever happened, the key must never have reached the browser.
    for (const session of harness.sessions()) {
      for (const { url, body } of await session.responseBodies()) expect(body, url).not.toContain(API_KEY);
      expect(await session.page.content()).not.toContain(API_KEY);
    }
  });

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: streams a cited answer, counts only the cited sources, details on request',
    async (reader) => {
      const { words } = reader;
      const { page } = await harness.open(reader);
      await page.getByText(fill(words['mode.llm'], { model: MODEL })).waitFor();

      const answer = await ask(page, words, ROLE_QUESTION);
      await expect.poll(() => answer.textContent()).toContain('According to the corpus');
      await answer.getByText(fill(words['badge.llm'], { model: MODEL }), { exact: true }).waitFor();
      const cited = await markerNumbers(answer, words);
      const sources = answer.locator('.sources-link');
      expect(await sources.textContent()).toBe(fill(words['answer.showSources'], { count: cited.length }));
      // A model's answer can change on a second try: Regenerate is the fourth quiet action.
      expect(await answer.locator('.answer-actions button.icon-action').count()).toBe(4);
      await answer.getByText(words['answer.details'], { exact: true }).click();
      const tokens = fill(words['footer.tokens'], {
        input: FAKE_USAGE.prompt_tokens,
        output: FAKE_USAGE.completion_tokens,
      });
      await expect.poll(() => answer.locator('.answer-footer').textContent()).toContain(tokens);

      const chatCall = model().requests.find((request) => request.body.stream === true);
      expect(chatCall?.authorization).toBe(`Bearer ${API_KEY}`);
      expect(chatCall?.body.model).toBe(MODEL);
      await openCitation(page, words, answer, cited[0] ?? 1);
      await expect.poll(() => citedSection(page, words).locator('mark').count()).toBeGreaterThan(0);
    },
  );

  it.each([
    { scenario: 'http-500', reason: 'server-error', reader: DESKTOP_EN },
    { scenario: 'hang', reason: 'timeout', reader: PHONE_ZH },
  ] as const)(
    '$reader.name: when the model fails ($scenario) one plain sentence says so; the reason is in its tooltip',
    async ({ scenario, reason, reader }) => {
      const { words } = reader;
      model().setScenario(scenario);
      const { page } = await harness.open(reader);
      await composer(page, words).fill('哪类 AI 产品经理需求量最高？');
      await composer(page, words).press('Enter');
      const answer = answers(page, words).first();
      // While the model is silent no LLM badge claims the answer: only a neutral pending line shows.
      if (scenario === 'hang') {
        const pending = answer.locator('.pending');
        await pending.waitFor();
        expect(await pending.textContent()).toBe(words['answer.searching']);
        expect(await answer.getByText(fill(words['badge.llm'], { model: MODEL })).count()).toBe(0);
      }
      await answer.getByRole('button', { name: words['answer.copy'] }).waitFor();

      const note = await fallbackNote(answer, reader);
      expect(note.title.startsWith(`${reason}`)).toBe(true);
      expect(note.text).not.toContain(`Fallback: ${reason}`);
      await expect.poll(() => answer.textContent()).toContain('最高');
      expect(await openCitation(page, words, answer, 1)).toContain('应用');
    },
  );

  it('keeps what the model wrote before the connection dropped and appends the search answer', async () => {
    const reader = DESKTOP_EN;
    model().setScenario('drop-mid-stream');
    const { page } = await harness.open(reader);
    const answer = await ask(page, reader.words, ROLE_QUESTION);

    const note = await fallbackNote(answer, reader);
    expect(note.title.startsWith('stream-cut')).toBe(true);
    expect(note.text).toContain('According to');
    const breadcrumbs: string[] = [];
    for (const n of await markerNumbers(answer, reader.words)) {
      breadcrumbs.push(await openCitation(page, reader.words, answer, n));
    }
    expect(
      breadcrumbs.some((crumb) => crumb.includes('AI Platform PM')),
      breadcrumbs.join('\n'),
    ).toBe(true);
  });

  it('after two model faults in a row the header says the model is unavailable', async () => {
    const reader = PHONE_ZH;
    const { words } = reader;
    model().setScenario('http-500');
    const { page } = await harness.open(reader);
    await ask(page, words, ROLE_QUESTION);
    expect(await page.getByText(words['mode.degraded']).count()).toBe(0);
    await ask(page, words, 'What is a data flywheel?');
    await page.getByText(words['mode.degraded'], { exact: true }).waitFor();
  });

  it.each([DESKTOP_EN, PHONE_ZH])(
    '$name: a stopped answer says it is incomplete, and its rating says it was truncated',
    async (reader) => {
      const { words } = reader;
      model().setScenario('slow');
      const { page } = await harness.open(reader);
      await composer(page, words).fill(ROLE_QUESTION);
      await composer(page, words).press('Enter');
      const answer = answers(page, words).first();
      await expect.poll(() => answer.textContent()).toContain('According');
      await page.getByRole('button', { name: words['composer.stop'], exact: true }).click();
      await answer.getByText(words['answer.stopped'], { exact: true }).waitFor();

      const rating = waitForRating(page);
      await answer.getByRole('button', { name: words['answer.helpful'], exact: true }).click();
      expect(await rating).toMatchObject({ rating: 'up', truncated: true });
      await page.reload();
      await answers(page, words).first().getByText(words['answer.stopped'], { exact: true }).waitFor();
    },
  );
});

function waitForRating(page: Page): Promise<Record<string, unknown>> {
  return page
    .waitForRequest((request) => request.url().endsWith('/api/feedback') && request.method() === 'POST')
    .then((request) => request.postDataJSON() as Record<string, unknown>);
}
