import type { ReactNode } from 'react';
import type { InsightsResponse } from '../../server/contract.js';
import { reasonLabel } from '../lib/feedback-reasons.js';
import { BadCases, localDateTime } from './bad-cases.js';

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;

/** A titled part of the report, named by its title; says `emptyHint` instead when there is nothing yet. */
function ReportSection(props: { title: string; isEmpty?: boolean; emptyHint?: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.isEmpty ? <p className="panel-hint">{props.emptyHint}</p> : props.children}
    </section>
  );
}

/** A table whose first cell in each row names the row. */
function ReportTable({
  columns,
  rows,
}: {
  columns: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells: [rowName, ...cells] }) => (
            <tr key={key}>
              <th scope="row">{rowName}</th>
              {cells.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and never reorder.
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
  return (
    <ReportSection title="Not-helpful rate by mode" isEmpty={rows.length === 0} emptyHint="No feedback yet.">
      <ReportTable
        columns={['Mode', 'Feedback', 'Not helpful', 'Rate']}
        rows={rows.map((row) => ({
          key: row.mode,
          cells: [row.mode, row.total, row.down, percent(row.rate)],
        }))}
      />
    </ReportSection>
  );
}

function TopReasons({ reasons }: { reasons: InsightsResponse['topReasons'] }) {
  return (
    <ReportSection title="Top reasons" isEmpty={reasons.length === 0} emptyHint="No reasons given yet.">
      <ol>
        {reasons.map((entry) => (
          <li key={entry.reason}>
            {reasonLabel(entry.reason)} — {entry.count}
          </li>
        ))}
      </ol>
    </ReportSection>
  );
}

function TopGaps({ gaps }: { gaps: InsightsResponse['topGaps'] }) {
  return (
    <ReportSection
      title="Top not-covered questions"
      isEmpty={gaps.length === 0}
      emptyHint="Every question so far was covered by the guide."
    >
      <ReportTable
        columns={['Question', 'Times asked', 'Last asked']}
        rows={gaps.map((gap) => ({
          key: gap.question,
          cells: [gap.question, gap.count, localDateTime(gap.lastAskedAt)],
        }))}
      />
    </ReportSection>
  );
}

/** The feedback flywheel at a glance: how answers are rated and where the guide falls short. */
export function InsightsReport({ insights }: { insights: InsightsResponse }) {
  const { latestBadCases } = insights;
  return (
    <div className="insights-report">
      <ReportSection title="Totals">
        <Totals totals={insights.totals} />
      </ReportSection>
      <DownRates rows={insights.downRateByMode} />
      <TopReasons reasons={insights.topReasons} />
      <ReportSection
        title="Latest bad cases"
        isEmpty={latestBadCases.length === 0}
        emptyHint="No negative feedback yet."
      >
        <BadCases cases={latestBadCases} />
      </ReportSection>
      <TopGaps gaps={insights.topGaps} />
    </div>
  );
}
