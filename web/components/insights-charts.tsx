import type { InsightsReport } from '../../server/contract.js';
import { useI18n } from '../lib/i18n.js';

type Day = InsightsReport['daily'][number];

const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 18;

/** One bar per day with data (quiet days are not sent), scaled to the largest value; no chart library. */
function BarChart(props: {
  title: string;
  days: Day[];
  value: (day: Day) => number | null;
  format: (value: number) => string;
  warn?: boolean;
}) {
  const { title, days, value, format } = props;
  const values = days.map(value);
  const top = Math.max(...values.map((entry) => entry ?? 0), 0) || 1;
  const slot = WIDTH / Math.max(days.length, 1);
  const plot = HEIGHT - AXIS;
  return (
    <figure className="insights-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${days.map((day, at) => `${day.date} ${values[at] === null ? '–' : format(values[at] ?? 0)}`).join(', ')}`}
      >
        <line x1={0} y1={plot} x2={WIDTH} y2={plot} stroke="currentColor" strokeOpacity={0.3} />
        {days.map((day, at) => {
          const amount = values[at];
          if (amount === null || amount === undefined) return null;
          const height = Math.max((amount / top) * (plot - 14), amount > 0 ? 2 : 0);
          return (
            <g key={day.date}>
              <rect
                className={`bar${props.warn ? ' is-warn' : ''}`}
                x={at * slot + slot * 0.15}
                y={plot - height}
                width={slot * 0.7}
                height={height}
              >
                <title>{`${day.date}: ${format(amount)}`}</title>
              </rect>
              {days.length <= 14 && (
                <text x={at * slot + slot / 2} y={plot - height - 3} textAnchor="middle" fontSize={11}>
                  {format(amount)}
                </text>
              )}
            </g>
          );
        })}
        {days.length > 0 && (
          <>
            <text x={2} y={HEIGHT - 4} fontSize={11}>
              {days[0]?.date}
            </text>
            <text x={WIDTH - 2} y={HEIGHT - 4} fontSize={11} textAnchor="end">
              {days.at(-1)?.date}
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}

/** The owner's view over time: 👎 rate and not-covered questions per day, for the range asked for. */
export function InsightsCharts({ daily }: { daily: Day[] }) {
  const { t, formatNumber } = useI18n();
  if (daily.length === 0) return <p className="panel-hint">{t('insights.noDays')}</p>;
  return (
    <section aria-label={t('insights.charts')} className="insights-charts">
      <h2>{t('insights.charts')}</h2>
      <BarChart
        title={t('insights.downRateChart')}
        days={daily}
        value={(day) => day.downRate}
        format={(rate) => formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 })}
        warn
      />
      <BarChart
        title={t('insights.notCoveredChart')}
        days={daily}
        value={(day) => day.notCovered}
        format={(count) => formatNumber(count)}
      />
    </section>
  );
}
