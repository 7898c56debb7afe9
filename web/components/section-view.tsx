import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { SectionResponse, TextSpan } from '../../server/contract.js';
import { useSection } from '../hooks/use-section.js';
import type { OpenSection } from '../hooks/use-sources-panel.js';
import { mergeSpans, resolveHighlights } from '../lib/highlight-ranges.js';
import { SectionBreadcrumb } from './section-breadcrumb.js';
import { SectionText } from './section-text.js';

interface SectionViewProps {
  open: OpenSection;
  onBrowse: (sectionId: string) => void;
  onClose: () => void;
}

function SectionPager({ section, onBrowse }: { section: SectionResponse; onBrowse: (id: string) => void }) {
  const { prev, next } = section;
  if (!prev && !next) return null;
  return (
    <nav aria-label="Section navigation" className="section-pager">
      {prev && (
        <button type="button" className="secondary-button" onClick={() => onBrowse(prev.id)}>
          ← Previous section: {prev.headings[prev.headings.length - 1] ?? prev.anchor}
        </button>
      )}
      {next && (
        <button type="button" className="secondary-button" onClick={() => onBrowse(next.id)}>
          Next section: {next.headings[next.headings.length - 1] ?? next.anchor} →
        </button>
      )}
    </nav>
  );
}

/** The section could not be loaded: say so, offer to try again, and still show the passage as cited. */
function SectionLoadError(props: { message: string; open: OpenSection; onRetry: () => void }) {
  const { citation } = props.open;
  return (
    <>
      <div role="alert" className="error-box">
        <p>Could not load this section: {props.message}</p>
        <button type="button" className="secondary-button" onClick={props.onRetry}>
          Try again
        </button>
      </div>
      {citation && (
        <div className="section-body">
          <p className="section-note">The passage as it was cited:</p>
          <SectionText text={citation.text} highlights={mergeSpans(citation.highlights)} />
        </div>
      )}
    </>
  );
}

/** Once the section is in, focus moves to it and its first highlight (or its top) scrolls into view. */
function useRevealHighlights(
  body: RefObject<HTMLDivElement | null>,
  loaded: unknown,
  highlights: TextSpan[],
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: new highlights (another citation of this section) re-scroll.
  useEffect(() => {
    const element = body.current;
    if (!loaded || !element) return;
    element.focus({ preventScroll: true });
    const firstMark = element.querySelector('mark');
    if (firstMark) firstMark.scrollIntoView({ block: 'center' });
    else element.scrollTop = 0;
  }, [loaded, highlights]);
}

/** The open section in full, its cited lines marked and scrolled into view. */
export function SectionView({ open, onBrowse, onClose }: SectionViewProps) {
  const section = useSection(open.sectionId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const loaded = section.status === 'success' ? section.data : undefined;
  const highlights = useMemo(
    () =>
      loaded && open.citation
        ? resolveHighlights(open.citation.text, loaded.text, open.citation.highlights)
        : [],
    [loaded, open.citation],
  );
  useRevealHighlights(bodyRef, loaded, highlights);

  return (
    <section aria-label="Cited section" className="section-view">
      <div className="section-toolbar">
        {loaded ? <SectionBreadcrumb section={loaded} onBrowse={onBrowse} /> : <span />}
        <button type="button" className="icon-button" aria-label="Close section" onClick={onClose}>
          ×
        </button>
      </div>
      {open.citation && loaded && (
        <p className="section-note">
          Source {open.citation.n}
          {highlights.length > 0 ? ' — the highlighted lines support the answer.' : ''}
        </p>
      )}
      {section.status === 'loading' && <p role="status">Loading section…</p>}
      {section.status === 'error' && (
        <SectionLoadError message={section.error.message} open={open} onRetry={section.reload} />
      )}
      {loaded && (
        <>
          <div className="section-body" ref={bodyRef} tabIndex={-1}>
            <SectionText text={loaded.text} highlights={highlights} />
          </div>
          <SectionPager section={loaded} onBrowse={onBrowse} />
        </>
      )}
    </section>
  );
}
