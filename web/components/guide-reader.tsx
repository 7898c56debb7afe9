import { useEffect, useRef } from 'react';
import type { OutlineEntry, SectionResponse } from '../../server/contract.js';
import { useSection } from '../hooks/use-section.js';
import { useTextSelection } from '../hooks/use-text-selection.js';
import { headingLabel, topicOf } from '../lib/guide-outline.js';
import { useI18n } from '../lib/i18n.js';
import { EditionSwitch } from './edition-switch.js';
import { SectionText } from './section-text.js';

/** A question the reader wants to ask, scoped to the section it came from. */
export interface ScopedQuestion {
  question: string;
  sectionId: string;
  heading: string;
}

interface GuideReaderProps {
  sectionId: string;
  /** The section's language, for `lang` on its text. */
  lang: string;
  onOpen: (sectionId: string) => void;
  onAsk: (question: ScopedQuestion) => void;
}

const label = (entry: OutlineEntry) => headingLabel(entry.headings.at(-1) ?? entry.anchor);

function Pager({ section, onOpen }: { section: SectionResponse; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { prev, next } = section;
  return (
    <nav aria-label={t('guide.contents')} className="section-pager">
      {prev && (
        <button type="button" className="secondary-button" onClick={() => onOpen(prev.id)}>
          {t('guide.previous', { heading: label(prev) })}
        </button>
      )}
      {next && (
        <button type="button" className="secondary-button" onClick={() => onOpen(next.id)}>
          {t('guide.next', { heading: label(next) })}
        </button>
      )}
    </nav>
  );
}

/** The buttons that turn what is being read into a question. */
function AskActions({
  section,
  quote,
  onAsk,
}: {
  section: SectionResponse;
  quote: string;
  onAsk: GuideReaderProps['onAsk'];
}) {
  const { t } = useI18n();
  const topic = topicOf(section.headings);
  const heading = headingLabel(section.headings.at(-1) ?? section.anchor);
  return (
    <div className="guide-ask">
      <button
        type="button"
        className="primary-button"
        onClick={() =>
          onAsk({ question: t('guide.sectionQuestion', { topic }), sectionId: section.id, heading })
        }
      >
        {t('guide.askSection')}
      </button>
      {quote !== '' && (
        <button
          type="button"
          className="secondary-button"
          // Keeps the selection alive: a mousedown elsewhere would clear it before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() =>
            onAsk({ question: t('guide.selectionQuestion', { quote }), sectionId: section.id, heading })
          }
        >
          {t('guide.askSelection')}
        </button>
      )}
    </div>
  );
}

/** One section of the guide, read in full, with previous/next and the ways to ask about it. */
export function GuideReader({ sectionId, lang, onOpen, onAsk }: GuideReaderProps) {
  const { t } = useI18n();
  const section = useSection(sectionId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const quote = useTextSelection(bodyRef);
  const loaded = section.status === 'success' ? section.data : undefined;
  useEffect(() => {
    if (loaded) bodyRef.current?.focus({ preventScroll: true });
    bodyRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [loaded]);

  if (section.status === 'loading') return <p role="status">{t('guide.loading')}</p>;
  if (section.status === 'error') {
    return (
      <div role="alert" className="error-box">
        <p>{t('guide.loadFailed', { message: section.error.message })}</p>
        <button type="button" className="secondary-button" onClick={section.reload}>
          {t('guide.retry')}
        </button>
      </div>
    );
  }
  const { data } = section;
  const headingOnly = data.text.trim().split('\n').length <= 1 && data.headings.length > 0;
  return (
    <article className="guide-reader" aria-label={headingLabel(data.headings.at(-1) ?? data.docTitle)}>
      <p className="guide-path" lang={lang}>
        {[data.document.title, ...data.headings.slice(1, -1).map(headingLabel)].join(' › ')}
      </p>
      <EditionSwitch section={data} onSwitch={onOpen} />
      <div className="section-body guide-text" ref={bodyRef} tabIndex={-1} lang={lang}>
        <SectionText text={data.text} highlights={[]} />
      </div>
      {headingOnly && <p className="section-note">{t('guide.headingOnly')}</p>}
      {!headingOnly && <AskActions section={data} quote={quote} onAsk={onAsk} />}
      <Pager section={data} onOpen={onOpen} />
    </article>
  );
}
