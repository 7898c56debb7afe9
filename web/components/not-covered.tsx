import type { SearchResult } from '../../server/contract.js';
import { useSection } from '../hooks/use-section.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';
import { guideTopics, suggestionHeadings } from '../lib/guide-topics.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

interface NotCoveredProps {
  nearest: SearchResult[];
  onAsk: (question: string) => void;
  onBrowse: (sectionId: string) => void;
}

/** A question the guide does not cover: what it does cover, questions it can answer, and the nearest sections. */
export function NotCovered({ nearest, onAsk, onBrowse }: NotCoveredProps) {
  const { t, locale } = useI18n();
  const section = useSection(nearest[0]?.id ?? null);
  const document = section.status === 'success' ? section.data.document : undefined;
  const topics = guideTopics(document, nearest);
  const separator = locale === 'zh' ? '、' : ', ';
  const suggestions = suggestionHeadings(nearest);
  return (
    <div className="not-covered">
      <p>
        {t('notCovered.message')}
        {topics.length > 0 && ` ${t('notCovered.scope', { topics: topics.join(separator) })}`}
      </p>
      {suggestions.length > 0 && (
        <div className="suggestions">
          <p className="suggestions-title">{t('notCovered.try')}</p>
          <ul>
            {suggestions.map((heading) => {
              const question = t('notCovered.suggestion', { heading });
              return (
                <li key={heading}>
                  <button type="button" className="starter" onClick={() => onAsk(question)}>
                    {question}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {nearest.length > 0 && (
        <nav className="related" aria-label={t('notCovered.related')}>
          <p className="suggestions-title">{t('notCovered.related')}</p>
          <ul>
            {nearest.map((result) => (
              <li key={result.id}>
                <a
                  href={`#${result.anchor}`}
                  lang={langTag(result.headings.join(' '))}
                  onClick={(event) => {
                    event.preventDefault();
                    onBrowse(result.id);
                  }}
                >
                  {headingOf(result.headings, result.docTitle)}
                  {sectionPath(result.headings, result.docTitle) && (
                    <span className="card-path"> — {sectionPath(result.headings, result.docTitle)}</span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
