import type { FeedbackReason, InsightsResponse } from '../../server/contract.js';

const REASON_NAMES: Record<FeedbackReason, string> = {
  wrong: 'Wrong',
  unsupported: 'Not supported by its citation',
  missing: 'Missing information',
  'off-topic': 'Off-topic',
  outdated: 'Outdated',
  other: 'Other',
};

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
const dateTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

function Totals({ totals }: { totals: InsightsResponse['totals'] }) {
  const items = [
    ['Feedback', totals.feedback],
    ['Helpful', totals.up],
    ['Not helpful', totals.down],
    ['Not-covered questions', totals.gaps],
  ] as const;
  return (
    <dl className="totals">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DownRates({ rows }: { rows: InsightsResponse['downRateByMode'] }) {
  if (rows.length === 0) return <p className="panel-hint">No feedback yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Mode</th>
          <th scope="col">Feedback</th>
          <th scope="col">Not helpful</th>
          <th scope="col">Rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.mode}>
            <th scope="row">{row.mode}</th>
            <td>{row.total}</td>
            <td>{row.down}</td>
            <td>{percent(row.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BadCases({ cases }: { cases: InsightsResponse['latestBadCases'] }) {
  if (cases.length === 0) return <p className="panel-hint">No negative feedback yet.</p>;
  return (
    <ol className="bad-cases">
      {cases.map((badCase) => (
        <li key={badCase.id} className="bad-case">
          <p className="bad-case-question">{badCase.question}</p>
          <p className="bad-case-meta">
            {dateTime(badCase.createdAt)} · {badCase.mode}
            {badCase.model ? ` · ${badCase.model}` : ''}
            {badCase.reasons.length > 0 &&
              ` · ${badCase.reasons.map((reason) => REASON_NAMES[reason]).join(', ')}`}
          </p>
          {badCase.comment && <blockquote>{badCase.comment}</blockquote>}
          <details>
            <summary>Answer and citations</summary>
            <p className="bad-case-answer">{badCase.answer}</p>
            <ul>
              {badCase.citations.map((citation) => (
                <li key={citation.n}>
                  [{citation.n}] {citation.headings.length > 0 ? citation.headings.join(' › ') : citation.id}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}

/** The feedback flywheel at a glance: how answers are rated and where the guide falls short. */
export function InsightsReport({ insights }: { insights: InsightsResponse }) {
  return (
    <div className="insights-report">
      <section aria-label="Totals">
        <h2>Totals</h2>
        <Totals totals={insights.totals} />
      </section>
      <section aria-label="Not-helpful rate by mode">
        <h2>Not-helpful rate by mode</h2>
        <DownRates rows={insights.downRateByMode} />
      </section>
      <section aria-label="Top reasons">
        <h2>Top reasons</h2>
        {insights.topReasons.length === 0 ? (
          <p className="panel-hint">No reasons given yet.</p>
        ) : (
          <ol>
            {insights.topReasons.map((entry) => (
              <li key={entry.reason}>
                {REASON_NAMES[entry.reason]} — {entry.count}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Latest bad cases">
        <h2>Latest bad cases</h2>
        <BadCases cases={insights.latestBadCases} />
      </section>
      <section aria-label="Top not-covered questions">
        <h2>Top not-covered questions</h2>
        {insights.topGaps.length === 0 ? (
          <p className="panel-hint">Every question so far was covered by the guide.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Times asked</th>
                <th scope="col">Last asked</th>
              </tr>
            </thead>
            <tbody>
              {insights.topGaps.map((gap) => (
                <tr key={gap.question}>
                  <td>{gap.question}</td>
                  <td>{gap.count}</td>
                  <td>{dateTime(gap.lastAskedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
