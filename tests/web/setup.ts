import { cleanup, type RenderOptions } from '@testing-library/react';
import { createElement, type ReactElement, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { preloadAnswerMarkdown } from '../../web/components/answer-markdown-lazy.js';
import { I18nProvider } from '../../web/lib/i18n.js';
import { server } from './msw-server.js';

// Every page renders inside an I18nProvider (web/main.tsx); tests render in English unless they wrap their
// own provider (an inner provider wins).
vi.mock('@testing-library/react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@testing-library/react')>();
  const English = ({ children }: { children: ReactNode }) =>
    createElement(I18nProvider, { initial: 'en', children });
  const render = (ui: ReactElement, options?: RenderOptions) =>
    actual.render(ui, { wrapper: English, ...options });
  return { ...actual, render: render as typeof actual.render };
});

// The browser loads the Markdown renderer at idle; tests render answers at once, so it is loaded first.
beforeAll(() => preloadAnswerMarkdown());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());
