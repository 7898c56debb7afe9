import { useEffect, useRef } from 'react';
import type { ChatMessage, Citation } from '../../server/contract.js';
import { useAnswerFeedback } from '../hooks/use-feedback.js';
import type { OpenSection } from '../hooks/use-sources-panel.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { sentencesCiting } from '../lib/citation-markers.js';
import { CitationCard } from './citation-card.js';
import { NearestSections } from './nearest-sections.js';
import { SectionView } from './section-view.js';

interface SourcesPanelProps {
  answer: ChatMessage | undefined;
  question: string;
  openSection: OpenSection | null;
  sheetOpen: boolean;
  /** Changes whenever the panel should take focus (the reader asked to see the sources). */
  focusRequest: number;
  onOpenCitation: (messageId: string, n: number) => void;
  onBrowse: (sectionId: string) => void;
  onCloseSection: () => void;
  onCloseSheet: () => void;
}

function AnswerSources({
  answer,
  question,
  openSection,
  onOpenCitation,
  onBrowse,
}: SourcesPanelProps & { answer: ChatMessage }) {
  const data = citationsOf(answer);
  const citations = data?.citations ?? [];
  const text = messageText(answer);
  const feedback = useAnswerFeedback(answer, question);
  // The sentences the flag is about: those attributed to the citation, else those carrying its marker.
  const flag = (citation: Citation) => {
    const sentences = citation.citedBy.length > 0 ? citation.citedBy : sentencesCiting(text, citation.n);
    feedback.flagCitation(citation.n, sentences.length > 0 ? sentences : [text.slice(0, 2000) || question]);
  };

  return (
    <>
      {citations.length > 0 && (
        <ol className="citation-list" aria-label="Citations">
          {citations.map((citation) => (
            <CitationCard
              key={citation.n}
              citation={citation}
              active={openSection?.citation?.id === citation.id && openSection.citation.n === citation.n}
              compact={openSection !== null}
              flagState={feedback.flagState(citation.n)}
              onOpen={(n) => onOpenCitation(answer.id, n)}
              onFlag={flag}
            />
          ))}
        </ol>
      )}
      {data?.notCovered && openSection === null && (
        <NearestSections nearest={data.nearest} onBrowse={onBrowse} />
      )}
      {!data && <p className="panel-hint">Searching the guide…</p>}
    </>
  );
}

/** The GUI half of the app: the selected answer's sources and the open section. */
export function SourcesPanel(props: SourcesPanelProps) {
  const { answer, openSection, sheetOpen, focusRequest, onBrowse, onCloseSection, onCloseSheet } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // On phones the sheet covers what opened it: focus must move in, or keyboard users stay behind it.
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  return (
    <aside aria-label="Sources" className={`sources${sheetOpen ? ' is-open' : ''}`}>
      <div className="sources-header">
        <h2 ref={headingRef} tabIndex={-1}>
          Sources
        </h2>
        <button type="button" className="sheet-close secondary-button" onClick={onCloseSheet}>
          Close sources
        </button>
      </div>
      <div className="sources-content">
        {answer ? (
          <AnswerSources key={answer.id} {...props} answer={answer} />
        ) : (
          <p className="panel-hint">
            Ask a question: the sections each answer cites appear here, with the supporting lines highlighted.
          </p>
        )}
        {openSection && (
          <SectionView
            key={openSection.sectionId}
            open={openSection}
            onBrowse={onBrowse}
            onClose={onCloseSection}
          />
        )}
      </div>
    </aside>
  );
}
