import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './support/fake-openai-server.js';
import { useStoryHarness } from './support/harness.js';
import { answers, composer, DESKTOP_EN, PHONE_EN, type ReaderSetup } from './support/reader.js';

const QUESTION = 'What does an AI platform PM care about?';

/** A conversation of earlier turns long enough that the transcript scrolls, stored as the app stores one. */
function seedLongConversation(): void {
  const paragraph = 'An earlier answer, long enough to fill the screen with reading. '.repeat(12);
  const messages = Array.from({ length: 4 }, (_, turn) => [
    { id: `q${turn}`, role: 'user', parts: [{ type: 'text', text: `Earlier question ${turn + 1}` }] },
    { id: `a${turn}`, role: 'assistant', parts: [{ type: 'text', text: paragraph, state: 'done' }] },
  ]).flat();
  const at = new Date().toISOString();
  localStorage.setItem(
    'aipm-guide.v1.conversations',
    JSON.stringify([{ id: 'long', title: 'Earlier', updatedAt: at }]),
  );
  localStorage.setItem('aipm-guide.v1.conversation.long', JSON.stringify(messages));
  localStorage.setItem('aipm-guide.v1.active', 'long');
}

async function openLongConversation(harness: ReturnType<typeof useStoryHarness>, reader: ReaderSetup) {
  const { page } = await harness.open(reader, {
    before: async (opening) => {
      await opening.addInitScript(seedLongConversation);
    },
  });
  await expect.poll(() => answers(page, reader.words).count()).toBe(4);
  return page;
}

const transcript = (page: Page) => page.locator('.chat-scroll');

/** How far the transcript's end is below what the reader sees, in px. */
const belowView = (box: Locator) =>
  box.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);

async function send(page: Page, reader: ReaderSetup) {
  await composer(page, reader.words).fill(QUESTION);
  await composer(page, reader.words).press('Enter');
}

const answerDone = (page: Page, reader: ReaderSetup) =>
  page.getByRole('button', { name: reader.words['composer.stop'], exact: true }).waitFor({ state: 'hidden' });

describe('where the transcript keeps the reader', () => {
  let fake: FakeOpenAiServer | undefined;
  const harness = useStoryHarness(async () => {
    fake = await startFakeOpenAiServer();
    return {
      env: {
        OPENAI_API_KEY: 'sk-e2e-reading-position',
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_MODEL: 'fake-model',
        LLM_MAX_RETRIES: '0',
        RATE_LIMIT_CHAT: '200',
      },
    };
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake?.setScenario('slow'));

  it('desktop: a streaming answer is followed to its end, until the reader scrolls up to read', async () => {
    const reader = DESKTOP_EN;
    const page = await openLongConversation(harness, reader);
    const box = transcript(page);
    await expect.poll(() => belowView(box)).toBeLessThan(80);

    await send(page, reader);
    const answer = answers(page, reader.words).nth(4);
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('According');
    await expect.poll(() => belowView(box)).toBeLessThan(80);

    const area = await box.boundingBox();
    await page.mouse.move((area?.x ?? 0) + 200, (area?.y ?? 0) + 200);
    await page.mouse.wheel(0, -4000);
    const scrollTop = () => box.evaluate((element) => element.scrollTop);
    await expect.poll(scrollTop).toBeLessThan(200);
    const readingAt = await scrollTop();
    await answerDone(page, reader);
    await page.waitForTimeout(500);
    // Where the reader went, give or take a line, and the end still far below.
    expect(Math.abs((await scrollTop()) - readingAt)).toBeLessThan(80);
    expect(await belowView(box)).toBeGreaterThan(400);
  });

  it('phone: when the answer ends, its question is scrolled to the top of the transcript', async () => {
    fake?.setScenario('ok');
    const reader = PHONE_EN;
    const page = await openLongConversation(harness, reader);

    await send(page, reader);
    await answerDone(page, reader);
    await answers(page, reader.words)
      .nth(4)
      .getByRole('button', { name: reader.words['answer.copy'] })
      .waitFor();

    const box = transcript(page);
    const offset = () =>
      box.evaluate((element) => {
        const questions = element.querySelectorAll('.turn.question');
        const question = questions[questions.length - 1];
        const top = question?.getBoundingClientRect().top ?? Number.NaN;
        const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < 2;
        // Held at the top, or as near as the transcript can scroll when what follows is shorter than it.
        const gap = top - element.getBoundingClientRect().top;
        return Math.abs(gap) < 2 || (atEnd && gap > 0) ? 'question at the top' : `question ${gap}px off`;
      });
    await expect.poll(offset).toBe('question at the top');
    await page.waitForTimeout(500);
    expect(await offset()).toBe('question at the top');
  });
});
