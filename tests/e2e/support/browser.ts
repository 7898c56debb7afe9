import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import type { RunningApp } from './start-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WAIT_MS = 20_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and failed requests, for failure reports. */
  problems: string[];
  /** Every response body the page received so far (streams included, once they end). */
  responseBodies(): Promise<Array<{ url: string; body: string }>>;
  close(): Promise<void>;
}

/** A fresh context per test: no storage leaks from one story into the next. */
export async function openSession(browser: Browser, baseUrl: string): Promise<BrowserSession> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems: string[] = [];
  const bodies: Array<Promise<{ url: string; body: string }>> = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(
      `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
    );
  });
  page.on('response', (response) => {
    bodies.push(
      response
        .text()
        .then((body) => ({ url: response.url(), body }))
        .catch(() => ({ url: response.url(), body: '' })),
    );
  });
  return {
    page,
    context,
    problems,
    responseBodies: () => Promise.all(bodies),
    close: () => context.close(),
  };
}

/** On failure, print what the server logged and what the page complained about. */
export function reportOnFailure(
  testContext: TestContext,
  sources: { app: () => RunningApp | undefined; session: () => BrowserSession | undefined },
): void {
  testContext.onTestFailed(() => {
    const logs = sources.app()?.logs ?? [];
    const problems = sources.session()?.problems ?? [];
    console.error(
      [
        `--- ${testContext.task.name}: server log (last 80 lines) ---`,
        ...logs.slice(-80),
        '--- page problems ---',
        ...(problems.length > 0 ? problems : ['(none)']),
      ].join('\n'),
    );
  });
}

export function answers(page: Page): Locator {
  return page.getByRole('article', { name: 'Answer', exact: true });
}

/** The first [n] marker: an extractive answer cites the same passage after every quoted line. */
export function citationButton(scope: Locator | Page, n: number): Locator {
  return scope.getByRole('button', { name: `Citation ${n}`, exact: true }).first();
}

/** The distinct citation numbers an answer shows, in order. */
export async function citationNumbers(answer: Locator): Promise<number[]> {
  const names = await answer
    .getByRole('button', { name: /^Citation \d+$/ })
    .evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
    );
  return [...new Set(names.map((name) => Number(/\d+/.exec(name)?.[0])))];
}

/** Clicks marker [n] and returns the open section's breadcrumb once the panel shows that source. */
export async function openCitation(page: Page, answer: Locator, n: number): Promise<string> {
  await citationButton(answer, n).click();
  const section = citedSection(page);
  await section.getByText(new RegExp(`^Source ${n}(?!\\d)`)).waitFor();
  return (await section.getByRole('navigation', { name: 'Breadcrumb' }).textContent()) ?? '';
}

export function citedSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Cited section', exact: true });
}

/** Types a question, sends it and waits until the new answer has finished streaming; returns that answer. */
export async function ask(page: Page, question: string): Promise<Locator> {
  const before = await answers(page).count();
  await page.getByRole('textbox', { name: 'Ask a question' }).fill(question);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = answers(page).nth(before);
  await answer.waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor({ state: 'hidden' });
  return answer;
}

/**
 * True when some part of the element is actually visible: IntersectionObserver clips by every scrolling
 * ancestor, so a mark hidden inside a scrolled-away panel counts as out of view.
 */
export function isInViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const observer = new IntersectionObserver((entries) => {
          observer.disconnect();
          resolve((entries[0]?.intersectionRatio ?? 0) > 0);
        });
        observer.observe(element);
      }),
  );
}
