import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type BrowserSession, launchBrowser, openSession, reportOnFailure } from './browser.js';
import type { ReaderSetup } from './reader.js';
import { type RunningApp, type StartAppOptions, startApp } from './start-app.js';

export interface OpenOptions {
  /** Runs before the first navigation, e.g. to route a request. */
  before?: (page: Page) => Promise<void>;
  colorScheme?: 'light' | 'dark';
  path?: string;
}

export interface Harness {
  app: () => RunningApp;
  /** A fresh browser context for this reader, on the app's start page; closed after the test. */
  open: (reader: ReaderSetup, options?: OpenOptions) => Promise<BrowserSession>;
}

/**
 * One app and one browser for a test file, a fresh context per story; on failure the server log and the
 * page's complaints are printed. `startOptions` is called once, before the app starts.
 */
export function useStoryHarness(startOptions: () => Promise<StartAppOptions> | StartAppOptions = () => ({})) {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    const options = await startOptions();
    [app, browser] = await Promise.all([startApp(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach((context) => {
    reportOnFailure(context, { app: () => app, session: () => sessions.at(-1) });
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  const harness: Harness & { sessions: () => BrowserSession[] } = {
    app: () => {
      if (!app) throw new Error('the app did not start');
      return app;
    },
    sessions: () => sessions,
    open: async (reader, options = {}) => {
      if (!browser || !app) throw new Error('the app or the browser did not start');
      const session = await openSession(browser, app.baseUrl, reader, {
        ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      });
      sessions.push(session);
      await options.before?.(session.page);
      await session.page.goto(options.path ?? '/');
      return session;
    },
  };
  return harness;
}
