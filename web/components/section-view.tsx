import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { SectionResponse, TextSpan } from '../../server/contract.js';
import { useSection } from '../hooks/use-section.js';
import type { OpenSection } from '../hooks/use-sources-panel.js';
import { mergeSpans, resolveHighlights } from '../lib/highlight-ranges.js';
import { useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';
import { EditionSwitch } from './edition-switch.js';
import { SectionBreadcrumb } from './section-breadcrumb.js';
import { SectionText } from './section-text.js';

interface SectionViewProps {
  open: OpenSection;
  onBrowse: (sectionId: string) => void;
  onClose: () => void;
}

function SectionPager({ section, onBrowse }: { section: SectionResponse; onBrowse: (id: string) => void }) {
  const { t } = useI18n();
  const { prev, next } = section;
  if (!prev && !next) return null;
  const heading = (entry: NonNullable<SectionResponse['prev']>) => entry.headings.at(-1) ?? entry.anchor;
  return (
    <nav aria-label={t('section.nav')} className="section-pager">
      {prev && (
        <button type="button" className="secondary-button" onClick={() => onBrowse(prev.id)}>
          <span lang={langTag(heading(prev))}>{t('section.prev', { heading: heading(prev) })}</span>
        </button>
      )}
      {next && (
        <button type="button" className="secondary-button" onClick={() => onBrowse(next.id)}>
          <span lang={langTag(heading(next))}>{t('section.next', { heading: heading(next) })}</span>
        </button>
      )}
    </nav>
  );
}

/** The section could not be loaded: say so, offer to try again, and still show the passage as cited. */
function SectionLoadError(props: { message: string; open: OpenSection; onRetry: () => void }) {
  const { t } = useI18n();
  const { citation } = props.open;
  return (
    <>
      <div role="alert" className="error-box">
        <p>{t('section.loadError', { message: props.message })}</p>
        <button type="button" className="secondary-button" onClick={props.onRetry}>
          {t('section.retry')}
        </button>
      </div>
      {citation && (
        <div className="section-body">
          <p className="section-note">{t('section.asCited')}</p>
          <SectionText text={citation.text} highlights={mergeSpans(citation.highlights)} />
        </div>
      )}
    </>
  );
}

/** Once the section is in, focus moves to it and the clicked marker's spans (else the first highlight) scroll into view. */
function useRevealHighlights(
  body: RefObject<HTMLDivElement | null>,
  loaded: unknown,
  highlights: TextSpan[],
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: new highlights (another marker of this section) re-scroll.
  useEffect(() => {
    const element = body.current;
    if (!loaded || !element) return;
    element.focus({ preventScroll: true });
    const target = element.querySelector('mark.is-strong') ?? element.querySelector('mark');
    if (target) target.scrollIntoView({ block: 'center' });
    else element.scrollTop = 0;
  }, [loaded, highlights]);
}

/** The cited lines to mark: only in the edition that was cited (another edition's words are not the evidence). */
function useMarks(open: OpenSection, loaded: SectionResponse | undefined) {
  return useMemo(() => {
    if (!loaded || !open.citation || loaded.id !== open.sectionId) return { highlights: [], strong: [] };
    const { text, highlights } = open.citation;
    return {
      highlights: resolveHighlights(text, loaded.text, highlights),
      strong: open.focus ? resolveHighlights(text, loaded.text, open.focus) : [],
    };
  }, [loaded, open.sectionId, open.citation, open.focus]);
}

function SourceNote({ n, highlighted }: { n: number; highlighted: boolean }) {
  const { t } = useI18n();
  return (
    <p className="section-note">
      {highlighted ? t('section.sourceHighlighted', { n }) : t('section.source', { n })}
    </p>
  );
}

/** The open section in full, its cited lines marked (the clicked marker's strongly) and scrolled into view. */
export function SectionView({ open, onBrowse, onClose }: SectionViewProps) {
  const { t } = useI18n();
  // Another edition of the open section (中文 / English), read in place; a newly opened section resets it.
  const [edition, setEdition] = useState<{ of: OpenSection; id: string } | null>(null);
  const shownId = edition?.of === open ? edition.id : open.sectionId;
  const section = useSection(shownId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const loaded = section.status === 'success' ? section.data : undefined;
  const marks = useMarks(open, loaded);
  useRevealHighlights(bodyRef, loaded, marks.strong.length > 0 ? marks.strong : marks.highlights);

  return (
    <section aria-label={t('section.label')} className="section-view">
      <div className="section-toolbar">
        {loaded ? <SectionBreadcrumb section={loaded} onBrowse={onBrowse} /> : <span />}
        <button type="button" className="icon-button" aria-label={t('section.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {loaded && (
        <EditionSwitch
          section={loaded}
          onSwitch={(id) => setEdition(id === open.sectionId ? null : { of: open, id })}
        />
      )}
      {open.citation && loaded?.id === open.sectionId && (
        <SourceNote n={open.citation.n} highlighted={marks.highlights.length > 0} />
      )}
      {section.status === 'loading' && <p role="status">{t('section.loading')}</p>}
      {section.status === 'error' && (
        <SectionLoadError message={section.error.message} open={open} onRetry={section.reload} />
      )}
      {loaded && (
        <>
          <div className="section-body" ref={bodyRef} tabIndex={-1}>
            <SectionText text={loaded.text} highlights={marks.highlights} strong={marks.strong} />
          </div>
          <SectionPager section={loaded} onBrowse={onBrowse} />
        </>
      )}
    </section>
  );
}
