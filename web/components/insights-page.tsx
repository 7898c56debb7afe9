import { useInsights } from '../hooks/use-insights.js';
import { InsightsReport } from './insights-report.js';
import { InsightsTokenForm } from './insights-token-form.js';

/** /insights: feedback and coverage gaps for whoever improves the guide. */
export function InsightsPage() {
  const insights = useInsights();
  const needsToken = insights.status === 'error' && insights.error.status === 401;

  return (
    <div className="insights-page">
      <header className="app-header">
        <a className="brand" href="/">
          AIPM Guide
        </a>
        <span className="page-name">Insights</span>
        <div className="header-actions">
          {insights.status === 'success' && (
            <button type="button" className="secondary-button" onClick={insights.reload}>
              Refresh
            </button>
          )}
          {insights.token && (
            <button type="button" className="secondary-button" onClick={() => insights.setToken(null)}>
              Forget token
            </button>
          )}
          <a className="header-link" href="/">
            Back to chat
          </a>
        </div>
      </header>
      <main className="insights-main">
        <h1>Insights</h1>
        {insights.status === 'loading' && <p role="status">Loading insights…</p>}
        {needsToken && (
          <InsightsTokenForm
            rejected={insights.token !== null}
            onSubmit={(token) => {
              insights.setToken(token);
              insights.reload();
            }}
          />
        )}
        {insights.status === 'error' && !needsToken && (
          <div role="alert" className="error-box">
            <p>Could not load insights: {insights.error.message}</p>
            <button type="button" className="primary-button" onClick={insights.reload}>
              Retry
            </button>
          </div>
        )}
        {insights.status === 'success' && <InsightsReport insights={insights.data} />}
      </main>
    </div>
  );
}
