import type { InsightsResponse } from '../../server/contract.js';
import { useI18n } from '../lib/i18n.js';

type BadCase = InsightsResponse['latestBadCases'][number];

/** A stored timestamp in the reader's locale; an unparsable one is shown as stored. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function BadCaseItem({ badCase }: { badCase: BadCase }) {
  const { t } = useI18n();
  const meta = [localDateTime(badCase.createdAt), badCase.mode, badCase.model];
  if (badCase.reasons.length > 0)
    meta.push(badCase.reasons.map((reason) => t(`reason.${reason}`)).join(', '));
  return (
    <li className="bad-case">
      <p className="bad-case-question">{badCase.question}</p>
      <p className="bad-case-meta">{meta.filter(Boolean).join(' · ')}</p>
      {badCase.comment && <blockquote>{badCase.comment}</blockquote>}
      <details>
        <summary>{t('insights.answerAndCitations')}</summary>
        <p className="bad-case-answer">{badCase.answer}</p>
        <ul className="bad-case-citations">
          {badCase.citations.map((citation) => (
            <li key={citation.n}>
              [{citation.n}] {citation.headings.length > 0 ? citation.headings.join(' › ') : citation.id}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The latest 👎 answers with what the user said, newest first. */
export function BadCases({ cases }: { cases: BadCase[] }) {
  return (
    <ol className="bad-cases">
      {cases.map((badCase) => (
        <BadCaseItem key={badCase.id} badCase={badCase} />
      ))}
    </ol>
  );
}
