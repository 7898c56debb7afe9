import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import type { ReaderSetup } from './reader.js';
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

/** A fresh context per test, at the reader's screen size and browser language: no storage leaks between stories. */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  reader: ReaderSetup,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: reader.viewport,
    locale: reader.locale,
    colorScheme: options.colorScheme ?? 'light',
    // Copy writes to the clipboard; a reader's browser lets the page do so after a click.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
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
