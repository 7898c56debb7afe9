import { type FormEvent, useState } from 'react';
import { useI18n } from '../lib/i18n.js';

export interface InsightsRange {
  from: string | null;
  to: string | null;
}

/** Downloads an export with the admin token: a plain link could not send the Authorization header. */
async function download(format: 'jsonl' | 'csv', range: InsightsRange, token: string | null) {
  const params = new URLSearchParams({ format });
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const response = await fetch(`/api/feedback/export?${params}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `feedback.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The report's date filter (inclusive UTC days) and the exports of the same range. */
export function InsightsRangeForm(props: {
  range: InsightsRange;
  token: string | null;
  onApply: (range: InsightsRange) => void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(props.range.from ?? '');
  const [to, setTo] = useState(props.range.to ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({ from: from || null, to: to || null });
  };
  const exportButton = (format: 'jsonl' | 'csv') => (
    <button type="button" className="text-button" onClick={() => download(format, props.range, props.token)}>
      {format.toUpperCase()}
    </button>
  );
  const [before, middle, after] = t('insights.export', { jsonl: '\u0000', csv: '\u0000' }).split('\u0000');
  return (
    <form className="insights-range" onSubmit={apply}>
      <label>
        {t('insights.from')}{' '}
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.target.value)}
        />
      </label>
      <label>
        {t('insights.to')}{' '}
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
        />
      </label>
      <button type="submit" className="secondary-button">
        {t('insights.apply')}
      </button>
      <span>
        {before}
        {exportButton('jsonl')}
        {middle}
        {exportButton('csv')}
        {after}
      </span>
    </form>
  );
}
