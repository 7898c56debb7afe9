import type { ChatMessage, Citation } from '../../server/contract.js';
import { useAnswerFeedback } from '../hooks/use-feedback.js';
import { splitCitations } from '../lib/answer-sources.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { sentencesCiting } from '../lib/citation-markers.js';
import { useI18n } from '../lib/i18n.js';
import { CitationCard } from './citation-card.js';
import { NearestSections } from './nearest-sections.js';
import type { SourcesPanelProps } from './sources-panel.js';

/** Passages retrieved for the question but not cited: collapsed, openable, never flaggable. */
function AlsoSearched(props: { citations: Citation[]; onOpen: (n: number) => void }) {
  const { t } = useI18n();
  if (props.citations.length === 0) return null;
  return (
    <details className="also-searched">
      <summary>{t('sources.alsoSearched', { count: props.citations.length })}</summary>
      <p className="panel-hint">{t('sources.alsoSearchedHint')}</p>
      <ol className="citation-list">
        {props.citations.map((citation) => (
          <CitationCard
            key={citation.n}
            citation={citation}
            active={false}
            compact
            flagState={{ status: 'idle' }}
            onOpen={props.onOpen}
          />
        ))}
      </ol>
    </details>
  );
}

/** The answer's cited passages as cards, then those only searched, or for an uncovered question the nearest. */
export function AnswerSourceList(props: SourcesPanelProps & { answer: ChatMessage }) {
  const { answer, question, openSection, onOpenCitation, onBrowse } = props;
  const { t } = useI18n();
  const data = citationsOf(answer);
  const text = messageText(answer);
  const { cited, searched } = splitCitations(data, text);
  const feedback = useAnswerFeedback(answer, question);
  // The sentences the flag is about: those attributed to the citation, else those carrying its marker.
  const flag = (citation: Citation) => {
    const sentences = citation.citedBy.length > 0 ? citation.citedBy : sentencesCiting(text, citation.n);
    feedback.flagCitation(citation.n, sentences.length > 0 ? sentences : [text.slice(0, 2000) || question]);
  };
  const open = (n: number) => onOpenCitation(answer.id, n);

  return (
    <>
      {cited.length > 0 && (
        <ol className="citation-list" aria-label={t('sources.list')}>
          {cited.map((citation) => (
            <CitationCard
              key={citation.n}
              citation={citation}
              active={openSection?.citation?.id === citation.id && openSection.citation.n === citation.n}
              compact={openSection !== null}
              flagState={feedback.flagState(citation.n)}
              onOpen={open}
              onFlag={flag}
            />
          ))}
        </ol>
      )}
      {openSection === null && <AlsoSearched citations={searched} onOpen={open} />}
      {data?.notCovered && openSection === null && (
        <NearestSections nearest={data.nearest} onBrowse={onBrowse} />
      )}
      {!data && <p className="panel-hint">{t('sources.searching')}</p>}
    </>
  );
}
