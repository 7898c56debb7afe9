import type { ReactNode } from 'react';
import type { InsightsResponse } from '../../server/contract.js';
import { useI18n } from '../lib/i18n.js';
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
  const { t } = useI18n();
  const items = [
    [t('insights.feedback'), totals.feedback],
    [t('insights.helpful'), totals.up],
    [t('insights.notHelpful'), totals.down],
    [t('insights.gaps'), totals.gaps],
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
  const { t } = useI18n();
  return (
    <ReportSection
      title={t('insights.downRates')}
      isEmpty={rows.length === 0}
      emptyHint={t('insights.noFeedback')}
    >
      <ReportTable
        columns={[t('insights.mode'), t('insights.feedback'), t('insights.notHelpful'), t('insights.rate')]}
        rows={rows.map((row) => ({
          key: row.mode,
          cells: [row.mode, row.total, row.down, percent(row.rate)],
        }))}
      />
    </ReportSection>
  );
}

function TopReasons({ reasons }: { reasons: InsightsResponse['topReasons'] }) {
  const { t } = useI18n();
  return (
    <ReportSection
      title={t('insights.topReasons')}
      isEmpty={reasons.length === 0}
      emptyHint={t('insights.noReasons')}
    >
      <ol>
        {reasons.map((entry) => (
          <li key={entry.reason}>
            {t(`reason.${entry.reason}`)} — {entry.count}
          </li>
        ))}
      </ol>
    </ReportSection>
  );
}

function TopGaps({ gaps }: { gaps: InsightsResponse['topGaps'] }) {
  const { t } = useI18n();
  return (
    <ReportSection title={t('insights.topGaps')} isEmpty={gaps.length === 0} emptyHint={t('insights.noGaps')}>
      <ReportTable
        columns={[t('insights.question'), t('insights.timesAsked'), t('insights.lastAsked')]}
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
  const { t } = useI18n();
  return (
    <div className="insights-report">
      <ReportSection title={t('insights.totals')}>
        <Totals totals={insights.totals} />
      </ReportSection>
      <DownRates rows={insights.downRateByMode} />
      <TopReasons reasons={insights.topReasons} />
      <ReportSection
        title={t('insights.badCases')}
        isEmpty={latestBadCases.length === 0}
        emptyHint={t('insights.noBadCases')}
      >
        <BadCases cases={latestBadCases} />
      </ReportSection>
      <TopGaps gaps={insights.topGaps} />
    </div>
  );
}
