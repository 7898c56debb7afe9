import { useId } from 'react';
import type { Citation, TextSpan } from '../../server/contract.js';
import { useI18n } from '../lib/i18n.js';
import { previewText, spansForSentence } from '../lib/marker-spans.js';
import { langTag } from '../lib/text-language.js';

interface CitationMarkerProps {
  citation: Citation;
  /** The answer sentence this marker follows; it picks the spans the marker highlights. */
  sentence: string | undefined;
  onCite: (n: number, spans: TextSpan[]) => void;
}

/** "Source 1: <heading> — <parent>": names the passage, not just its number, for screen readers. */
function markerLabel(citation: Citation, t: ReturnType<typeof useI18n>['t']): string {
  const heading = citation.headings.at(-1) ?? citation.docTitle;
  const parent = citation.headings.length > 1 ? citation.headings.at(-2) : undefined;
  if (!parent || parent === heading) return t('marker.label', { n: citation.n, heading });
  return t('marker.labelWithParent', { n: citation.n, heading, parent });
}

/** One [n] marker: opens its passage with the spans for this sentence marked strongly; hover or focus previews them. */
export function CitationMarker({ citation, sentence, onCite }: CitationMarkerProps) {
  const { t } = useI18n();
  const previewId = useId();
  const spans = spansForSentence(citation, sentence);
  const preview = previewText(citation, spans);
  return (
    <span className="marker-wrap">
      <button
        type="button"
        className="citation-marker"
        aria-label={markerLabel(citation, t)}
        aria-describedby={previewId}
        data-marker={citation.n}
        onClick={() => onCite(citation.n, spans)}
      >
        {citation.n}
      </button>
      <span id={previewId} role="tooltip" className="marker-preview" lang={langTag(preview)}>
        {preview}
      </span>
    </span>
  );
}
