import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ask,
  type BrowserSession,
  citationButton,
  citationNumbers,
  citedSection,
  isInViewport,
  launchBrowser,
  openCitation,
  openSession,
  reportOnFailure,
} from './support/browser.js';
import { type RunningApp, startApp } from './support/start-app.js';

const REPORTS_DIR = fileURLToPath(new URL('../../reports/', import.meta.url));
const NOT_COVERED = /doesn't cover|does not cover|not covered|没有能回答/i;

describe('search mode (no LLM configured)', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  beforeEach(async (context) => {
    reportOnFailure(context, { app: () => app, session: () => session });
    if (!browser || !app) throw new Error('the app or the browser did not start');
    session = await openSession(browser, app.baseUrl);
    await session.page.goto('/');
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  function currentPage() {
    if (!session) throw new Error('no browser session');
    return session.page;
  }

  it('answers a Chinese question from the corpus and opens the cited section with the span highlighted', async () => {
    const page = currentPage();
    await page.getByText('Search mode — no LLM configured').waitFor();

    const answer = await ask(page, '哪类 AI 产品经理需求量最高？');
    await expect.poll(() => answer.textContent()).toContain('最高');
    await expect.poll(() => answer.getByText('Search', { exact: true }).count()).toBeGreaterThan(0);

    await citationButton(answer, 1).click();
    const section = citedSection(page);
    await section.waitFor();
    await expect
      .poll(() => section.getByRole('navigation', { name: 'Breadcrumb' }).textContent())
      .toContain('应用');
    const highlight = section.locator('mark').filter({ hasText: '最高' }).first();
    await highlight.waitFor();
    await expect.poll(() => isInViewport(highlight)).toBe(true);

    // For review: what a reader sees with the cited section open.
    mkdirSync(REPORTS_DIR, { recursive: true });
    await page.screenshot({ path: `${REPORTS_DIR}e2e-search-mode.png` });
  });

  it('answers an English question by citing the AI Platform PM section', async () => {
    const page = currentPage();
    const answer = await ask(page, 'What does an AI platform PM care about?');
    await citationButton(answer, 1).waitFor();

    const citedHeadings: string[] = [];
    for (const n of await citationNumbers(answer)) citedHeadings.push(await openCitation(page, answer, n));
    expect(
      citedHeadings.some((heading) => heading.includes('AI Platform PM')),
      citedHeadings.join('\n'),
    ).toBe(true);
  });

  it('says an off-topic question is not covered and cites nothing', async () => {
    const page = currentPage();
    const answer = await ask(page, 'How do I bake sourdough bread?');

    await expect.poll(() => answer.textContent()).toMatch(NOT_COVERED);
    expect(await answer.getByRole('button', { name: /^Citation \d+$/ }).count()).toBe(0);
    // With an English edition in the corpus, everyday English words may surface nearest sections; none is cited.
    const sources = page.getByRole('complementary', { name: 'Sources' });
    expect(await sources.getByRole('button', { name: /^Citation \d+$/ }).count()).toBe(0);
  });

  it('lists the nearest sections, uncited, for a question just outside the guide', async () => {
    const page = currentPage();
    const answer = await ask(page, 'What is the salary of an AI PM in Berlin?');

    await expect.poll(() => answer.textContent()).toMatch(NOT_COVERED);
    expect(await answer.getByRole('button', { name: /^Citation \d+$/ }).count()).toBe(0);
    const sources = page.getByRole('complementary', { name: 'Sources' });
    await sources.getByText('Nearest sections in the guide').waitFor();
    const nearest = sources.getByRole('listitem').getByRole('button');
    await expect.poll(() => nearest.count()).toBeGreaterThan(0);

    // Offered for reading, not as evidence: the section opens with nothing highlighted.
    await nearest.first().click();
    const section = citedSection(page);
    await section.getByRole('navigation', { name: 'Breadcrumb' }).waitFor();
    expect(await section.locator('mark').count()).toBe(0);
  });

  it('keeps the conversation, citations included, across a reload', async () => {
    const page = currentPage();
    const answer = await ask(page, '哪类 AI 产品经理需求量最高？');
    await citationButton(answer, 1).waitFor();
    const answerText = await answer.textContent();

    await page.reload();

    const question = page.getByRole('article', { name: 'Question', exact: true }).first();
    await expect.poll(() => question.textContent()).toContain('哪类 AI 产品经理需求量最高');
    const restored = page.getByRole('article', { name: 'Answer', exact: true }).first();
    await expect.poll(() => restored.textContent()).toBe(answerText);
    await citationButton(restored, 1).click();
    await expect
      .poll(() => citedSection(page).getByRole('navigation', { name: 'Breadcrumb' }).textContent())
      .toContain('应用');
  });
});
