import type { SearchResult } from '../../server/contract.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

/** For a question the guide does not cover: the closest sections, offered to read (not cited). */
export function NearestSections({
  nearest,
  onBrowse,
}: {
  nearest: SearchResult[];
  onBrowse: (id: string) => void;
}) {
  const { t } = useI18n();
  if (nearest.length === 0) return <p className="panel-hint">{t('notCovered.none')}</p>;
  return (
    <div className="nearest">
      <h3>{t('notCovered.related')}</h3>
      <ul>
        {nearest.map((result) => (
          <li key={result.id}>
            <button
              type="button"
              className="nearest-link"
              lang={langTag(result.headings.join(' '))}
              onClick={() => onBrowse(result.id)}
            >
              <span className="card-path">{sectionPath(result.headings, result.docTitle)}</span>
              <span className="card-heading">{headingOf(result.headings, result.docTitle)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
