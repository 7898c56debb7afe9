import { cleanup, type RenderOptions } from '@testing-library/react';
import type { Window as HappyDomWindow } from 'happy-dom';
import { type ComponentType, createElement, type ReactElement, type ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { preloadAnswerMarkdown } from '../../web/components/answer-markdown-lazy.js';
import { preloadSourcesPanel } from '../../web/components/sources-panel-lazy.js';
import { I18nProvider, loadCatalog } from '../../web/lib/i18n.js';
import { server } from './msw-server.js';

// Every page renders inside an I18nProvider (web/main.tsx); tests render in English unless they wrap their
// own provider (an inner provider wins). Each render starts with an empty server-data cache, as a page load
// does, so no test sees what an earlier one fetched.
vi.mock('@testing-library/react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@testing-library/react')>();
  const English = ({ children }: { children: ReactNode }) =>
    createElement(I18nProvider, { initial: 'en', children });
  const render = (ui: ReactElement, options?: RenderOptions) => {
    const Inner: ComponentType<{ children: ReactNode }> = options?.wrapper ?? English;
    const cache = new Map();
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(SWRConfig, { value: { provider: () => cache } }, createElement(Inner, { children }));
    return actual.render(ui, { ...options, wrapper });
  };
  return { ...actual, render: render as typeof actual.render };
});

// Tests read the app on a desktop-sized window (the conversations beside the chat) unless they set another.
const happyDom = (window as unknown as HappyDomWindow).happyDOM;
beforeEach(() => happyDom.setViewport({ width: 1440, height: 900 }));

// The browser loads the Markdown renderer and the Sources panel's parts at idle; tests render answers at once, so
// they are loaded first.
beforeAll(() =>
  Promise.all([preloadAnswerMarkdown(), preloadSourcesPanel(), loadCatalog('en'), loadCatalog('zh')]),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  // The address carries the conversation and the open section: each test starts on a fresh page load's.
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());
