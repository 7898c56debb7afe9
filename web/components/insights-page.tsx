import { useState } from 'react';
import { useInsights } from '../hooks/use-insights.js';
import { useI18n } from '../lib/i18n.js';
import { AppHeader } from './app-header.js';
import { InsightsCharts } from './insights-charts.js';
import { type InsightsRange, InsightsRangeForm } from './insights-range.js';
import { InsightsReport } from './insights-report.js';
import { InsightsTokenForm } from './insights-token-form.js';

type Insights = ReturnType<typeof useInsights>;

/** Loading, the admin-token form, an error with Retry, or the report. */
function InsightsContent(props: {
  insights: Insights;
  range: InsightsRange;
  onRange: (range: InsightsRange) => void;
}) {
  const { insights } = props;
  const { t } = useI18n();
  if (insights.status === 'loading') return <p role="status">{t('insights.loading')}</p>;
  if (insights.status === 'success') {
    return (
      <>
        <InsightsRangeForm range={props.range} token={insights.token} onApply={props.onRange} />
        <InsightsCharts daily={insights.data.daily ?? []} />
        <InsightsReport insights={insights.data} />
      </>
    );
  }
  if (insights.error.status === 401) {
    return <InsightsTokenForm rejected={insights.token !== null} onSubmit={insights.setToken} />;
  }
  return (
    <div role="alert" className="error-box">
      <p>{t('insights.loadFailed', { message: insights.error.message })}</p>
      <button type="button" className="primary-button" onClick={insights.reload}>
        {t('insights.retry')}
      </button>
    </div>
  );
}

/** /insights: feedback and coverage gaps for whoever improves the guide. */
export function InsightsPage() {
  const [range, setRange] = useState<InsightsRange>({ from: null, to: null });
  const insights = useInsights(range);
  const { t } = useI18n();
  return (
    <div className="insights-page">
      <AppHeader label={<span className="page-name">{t('insights.title')}</span>}>
        {insights.status === 'success' && (
          <button type="button" className="secondary-button" onClick={insights.reload}>
            {t('insights.refresh')}
          </button>
        )}
        {insights.token && (
          <button type="button" className="secondary-button" onClick={() => insights.setToken(null)}>
            {t('insights.forgetToken')}
          </button>
        )}
        <a className="header-link" href="/">
          {t('insights.backToChat')}
        </a>
      </AppHeader>
      <main className="insights-main">
        <h1>{t('insights.title')}</h1>
        <InsightsContent insights={insights} range={range} onRange={setRange} />
      </main>
    </div>
  );
}
