import { useId, useMemo, useState } from 'react';
import type { GuideDocument } from '../../server/contract.js';
import { filterOutline, headingLabel } from '../lib/guide-outline.js';
import { useI18n } from '../lib/i18n.js';

interface GuideContentsProps {
  documents: GuideDocument[];
  openId: string | null;
  onOpen: (sectionId: string) => void;
}

/** One document's entries, indented by depth; the open one is marked as the current location. */
function DocumentOutline(props: GuideContentsProps & { document: GuideDocument; query: string }) {
  const { document, query, openId, onOpen } = props;
  const entries = filterOutline(document.outline, query);
  if (entries.length === 0) return null;
  const top = Math.min(...entries.map((entry) => entry.depth));
  return (
    <li className="guide-document" lang={document.lang}>
      <h3>{document.title}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} style={{ paddingInlineStart: `${(entry.depth - top) * 0.85}rem` }}>
            <button
              type="button"
              className={`guide-entry${entry.matched ? '' : ' is-context'}`}
              aria-current={entry.id === openId ? 'location' : undefined}
              onClick={() => onOpen(entry.id)}
            >
              {headingLabel(entry.headings.at(-1) ?? entry.anchor)}
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The table of contents of every document, filtered as the reader types. */
export function GuideContents({ documents, openId, onOpen }: GuideContentsProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const filterId = useId();
  const anyMatch = useMemo(
    () => documents.some((document) => filterOutline(document.outline, query).length > 0),
    [documents, query],
  );
  return (
    <nav className="guide-contents" aria-label={t('guide.contents')}>
      <label htmlFor={filterId} className="visually-hidden">
        {t('guide.filter')}
      </label>
      <input
        id={filterId}
        type="search"
        className="guide-filter"
        placeholder={t('guide.filterPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {!anyMatch && <p role="status">{t('guide.noMatch', { query: query.trim() })}</p>}
      <ul className="guide-documents">
        {documents.map((document) => (
          <DocumentOutline
            key={document.id}
            document={document}
            documents={documents}
            query={query}
            openId={openId}
            onOpen={onOpen}
          />
        ))}
      </ul>
    </nav>
  );
}
