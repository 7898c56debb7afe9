import type { CompareGroup } from '../../server/contract.js';
import { headingLabel } from '../lib/guide-outline.js';
import { useI18n } from '../lib/i18n.js';
import type { ScopedQuestion } from './guide-reader.js';

interface CompareViewProps {
  groups: CompareGroup[];
  onOpen: (sectionId: string) => void;
  onAsk: (question: ScopedQuestion) => void;
}

/** "Which one fits me?" and one difference question, asked about the whole family of siblings. */
function CompareQuestions({ group, onAsk }: { group: CompareGroup; onAsk: CompareViewProps['onAsk'] }) {
  const { t } = useI18n();
  const name = headingLabel(group.headings.at(-1) ?? '');
  const [first, second] = group.columns.map((column) => headingLabel(column.title));
  const row = group.rows[0]?.title ?? '';
  const questions = [
    t('compare.whichFits', { group: name }),
    ...(first && second && row ? [t('compare.differ', { first, second, row })] : []),
  ];
  return (
    <div className="compare-questions">
      <h4>{t('compare.questions')}</h4>
      <ul className="suggested-list">
        {questions.map((question) => (
          <li key={question}>
            <button
              type="button"
              className="starter"
              onClick={() => onAsk({ question, sectionId: group.id, heading: name })}
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CompareTable({ group, onOpen }: { group: CompareGroup; onOpen: CompareViewProps['onOpen'] }) {
  const { t } = useI18n();
  const name = headingLabel(group.headings.at(-1) ?? '');
  const columns = group.columns.map((column) => ({ ...column, label: headingLabel(column.title) }));
  return (
    <div className="compare-scroll">
      <table className="compare-table" lang={group.lang}>
        <caption>{t('compare.caption', { group: name })}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column.id} scope="col">
                <button type="button" className="link-button" onClick={() => onOpen(column.id)}>
                  {column.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr key={row.title}>
              <th scope="row">{row.title}</th>
              {row.cells.map((cell, at) => {
                const column = columns[at];
                return (
                  <td key={column?.id ?? at}>
                    {cell ? (
                      <button
                        type="button"
                        className="compare-cell"
                        aria-label={t('compare.open', { column: column?.label ?? '', row: row.title })}
                        onClick={() => onOpen(cell.id)}
                      >
                        {cell.excerpt}
                      </button>
                    ) : (
                      t('compare.missing')
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every compare table of the guide, each with questions to ask from it. */
export function CompareView({ groups, onOpen, onAsk }: CompareViewProps) {
  const { t } = useI18n();
  if (groups.length === 0) return <p className="section-note">{t('compare.none')}</p>;
  return (
    <div className="compare-view">
      {groups.map((group) => (
        <section key={group.id} className="compare-group">
          <CompareTable group={group} onOpen={onOpen} />
          <CompareQuestions group={group} onAsk={onAsk} />
        </section>
      ))}
    </div>
  );
}
