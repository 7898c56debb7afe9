import type { Citation } from '../../server/contract.js';
import type { SubmissionState } from '../hooks/use-feedback.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';

interface CitationCardProps {
  citation: Citation;
  active: boolean;
  /** Compact while a section is open: number and heading path only. */
  compact: boolean;
  flagState: SubmissionState;
  onOpen: (n: number) => void;
  onFlag: (citation: Citation) => void;
}

const SNIPPET_CHARS = 160;

/** The passage's text without its heading line and Markdown markup, shortened for a card. */
function snippetOf(markdown: string): string {
  const plain = markdown
    .split('\n')
    .filter((line) => !/^\s{0,3}#{1,6}\s/.test(line) && !/^\s*\|?(\s*:?-+:?\s*\|)+/.test(line))
    .join(' ')
    .replace(/\*\*|__|`|^\s*[*+-]\s+|\s[*+-]\s+|>\s?|\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > SNIPPET_CHARS ? `${plain.slice(0, SNIPPET_CHARS - 1)}…` : plain;
}

function flagLabel(state: SubmissionState): string {
  if (state.status === 'sent') return 'Flagged — thanks';
  if (state.status === 'sending') return 'Flagging…';
  if (state.status === 'error') return `Not flagged: ${state.message}`;
  return '';
}

function CitedBy({ sentences }: { sentences: string[] }) {
  return (
    <div className="cited-by">
      <span className="cited-by-label">Cited for</span>
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence}>“{sentence}”</li>
        ))}
      </ul>
    </div>
  );
}

function FlagAction({ state, onFlag }: { state: SubmissionState; onFlag: () => void }) {
  return (
    <div className="card-actions">
      <button
        type="button"
        className="text-button"
        disabled={state.status === 'sending' || state.status === 'sent'}
        onClick={onFlag}
      >
        Source doesn't support this
      </button>
      <span role="status" className="action-status">
        {flagLabel(state)}
      </span>
    </div>
  );
}

/** One numbered source of the answer: opens its section; can be flagged as not supporting the answer. */
export function CitationCard({ citation, active, compact, flagState, onOpen, onFlag }: CitationCardProps) {
  const heading = headingOf(citation.headings, citation.docTitle);
  const path = sectionPath(citation.headings, citation.docTitle);
  return (
    <li className={`citation-card${active ? ' is-active' : ''}`}>
      <button
        type="button"
        className="card-main"
        aria-label={`Source ${citation.n}: ${heading}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => onOpen(citation.n)}
      >
        <span className="card-number" aria-hidden="true">
          {citation.n}
        </span>
        <span className="card-text">
          {path && <span className="card-path">{compact ? path.split(' › ').at(-1) : path}</span>}
          <span className="card-heading">{heading}</span>
          {!compact && <span className="card-snippet">{snippetOf(citation.text)}</span>}
        </span>
      </button>
      {!compact && citation.citedBy.length > 0 && <CitedBy sentences={citation.citedBy} />}
      {!compact && <FlagAction state={flagState} onFlag={() => onFlag(citation)} />}
    </li>
  );
}
