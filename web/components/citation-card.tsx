import type { Citation } from '../../server/contract.js';
import type { SubmissionState } from '../hooks/use-feedback.js';
import { headingOf, sectionPath } from '../lib/chat-message.js';
import { type I18n, useI18n } from '../lib/i18n.js';
import { langTag } from '../lib/text-language.js';

interface CitationCardProps {
  citation: Citation;
  active: boolean;
  /** Compact while a section is open: number and heading path only. */
  compact: boolean;
  flagState: SubmissionState;
  onOpen: (n: number) => void;
  /** Absent for a passage that was searched but not cited: there is no claim to flag. */
  onFlag?: (citation: Citation) => void;
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

function flagLabel(state: SubmissionState, t: I18n['t']): string {
  if (state.status === 'sent') return t('card.flagged');
  if (state.status === 'sending') return t('card.flagging');
  if (state.status === 'error')
    return t('card.flagError', { message: state.message || t('feedback.failed') });
  return '';
}

function CitedBy({ sentences }: { sentences: string[] }) {
  const { t } = useI18n();
  return (
    <div className="cited-by">
      <span className="cited-by-label">{t('card.citedFor')}</span>
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence} lang={langTag(sentence)}>
            “{sentence}”
          </li>
        ))}
      </ul>
    </div>
  );
}

function FlagAction({ state, onFlag }: { state: SubmissionState; onFlag: () => void }) {
  const { t } = useI18n();
  return (
    <div className="card-actions">
      <button
        type="button"
        className="text-button"
        disabled={state.status === 'sending' || state.status === 'sent'}
        onClick={onFlag}
      >
        {t('card.flag')}
      </button>
      <span role="status" className="action-status">
        {flagLabel(state, t)}
      </span>
    </div>
  );
}

/** One numbered source of the answer: opens its section; can be flagged as not supporting the answer. */
export function CitationCard({ citation, active, compact, flagState, onOpen, onFlag }: CitationCardProps) {
  const { t } = useI18n();
  const heading = headingOf(citation.headings, citation.docTitle);
  const path = sectionPath(citation.headings, citation.docTitle);
  return (
    <li className={`citation-card${active ? ' is-active' : ''}`}>
      <button
        type="button"
        className="card-main"
        aria-label={t('card.label', { n: citation.n, heading })}
        aria-current={active ? 'true' : undefined}
        onClick={() => onOpen(citation.n)}
      >
        <span className="card-number" aria-hidden="true">
          {citation.n}
        </span>
        <span className="card-text" lang={langTag(citation.text)}>
          {path && <span className="card-path">{compact ? path.split(' › ').at(-1) : path}</span>}
          <span className="card-heading">{heading}</span>
          {!compact && <span className="card-snippet">{snippetOf(citation.text)}</span>}
        </span>
      </button>
      {!compact && citation.citedBy.length > 0 && <CitedBy sentences={citation.citedBy} />}
      {!compact && onFlag && <FlagAction state={flagState} onFlag={() => onFlag(citation)} />}
    </li>
  );
}
