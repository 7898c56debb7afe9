import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, loadCatalog, readerLocale } from './lib/i18n.js';
import { pageFor } from './lib/page-route.js';
import './styles.css';
import './guide.css';

// Each page is its own chunk: the insights page does not download the chat's streaming and Markdown code.
async function loadPage(): Promise<ComponentType> {
  const page = pageFor(window.location.pathname);
  if (page === 'insights') return (await import('./components/insights-page.js')).InsightsPage;
  if (page === 'share') return (await import('./components/share-page.js')).SharePage;
  return (await import('./components/chat-page.js')).ChatPage;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

const locale = readerLocale();
const [Page] = await Promise.all([loadPage(), loadCatalog(locale)]);
createRoot(root).render(
  <StrictMode>
    <I18nProvider initial={locale}>
      <Page />
    </I18nProvider>
  </StrictMode>,
);
