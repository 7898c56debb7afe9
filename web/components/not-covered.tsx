import type { SearchResult } from '../../server/contract.js';
import { useGuideOutline } from '../hooks/use-guide-data.js';
import { useSection } from '../hooks/use-section.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';
import { readerDocuments } from '../lib/guide-outline.js';
import { guideTopics, suggestionHeadings } from '../lib/guide-topics.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

interface NotCoveredProps {
  nearest: SearchResult[];
  onAsk: (question: string) => void;
  onBrowse: (sectionId: string) => void;
}

/**
 * What the guide covers: the top-level headings of its first document in the reader's language (from the
 * outline), else of the nearest section's document, else the nearest sections' titles.
 */
function useGuideTopics(nearest: SearchResult[]): string[] {
  const { locale } = useI18n();
  const outline = useGuideOutline();
  const section = useSection(nearest[0]?.id ?? null);
  const documents = outline.status === 'success' ? readerDocuments(outline.data.documents, locale) : [];
  const document = documents[0] ?? (section.status === 'success' ? section.data.document : undefined);
  return guideTopics(document, nearest);
}

/** A question the guide does not cover: what it does cover, questions it can answer, and the nearest sections. */
export function NotCovered({ nearest, onAsk, onBrowse }: NotCoveredProps) {
  const { t, locale } = useI18n();
  const topics = useGuideTopics(nearest);
  const separator = locale === 'zh' ? '、' : ', ';
  const suggestions = suggestionHeadings(nearest, topics);
  return (
    <div className="not-covered">
      <p>
        {t('notCovered.message')}
        {topics.length > 0 && ` ${t('notCovered.scope', { topics: topics.join(separator) })}`}
      </p>
      {/* Far off-topic, nothing is near: said plainly, so the missing "Related sections" is not a mystery. */}
      {nearest.length === 0 && <p className="not-covered-none">{t('notCovered.none')}</p>}
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
