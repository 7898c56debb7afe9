import { type ComponentProps, memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Citation, TextSpan } from '../../server/contract.js';
import { citationNumberOf, linkifyWithSentences } from '../lib/citation-markers.js';
import { type I18n, useI18n } from '../lib/i18n.js';
import { CitationMarker } from './citation-marker.js';

interface AnswerMarkdownProps {
  text: string;
  /** The passages this answer may cite; [n] markers for other numbers render as plain text. */
  citations: Citation[];
  onCite: (n: number, spans: TextSpan[]) => void;
}

const remarkPlugins = [remarkGfm];

function isWebLink(href: string | undefined): href is string {
  return href !== undefined && /^https?:\/\//i.test(href);
}

interface MarkerContext {
  citations: Citation[];
  sentences: string[];
  onCite: (n: number, spans: TextSpan[]) => void;
  t: I18n['t'];
}

function buildComponents({ citations, sentences, onCite, t }: MarkerContext): Components {
  return {
    a: ({ href, title, children }) => {
      const n = citationNumberOf(href);
      const citation = n === undefined ? undefined : citations.find((entry) => entry.n === n);
      if (citation) {
        const sentence = title ? sentences[Number(title)] : undefined;
        return <CitationMarker citation={citation} sentence={sentence} onCite={onCite} />;
      }
      if (!isWebLink(href)) return <span>{children}</span>;
      return (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    },
    // Remote images are never fetched (they would leak the reader's IP and page to a third party).
    img: ({ alt }: ComponentProps<'img'>) => (
      <span className="image-placeholder">
        {alt ? t('markdown.image', { alt }) : t('markdown.imageNoAlt')}
      </span>
    ),
  };
}

/** An answer's Markdown, rendered safely (no raw HTML, no remote images, http(s) links only). */
export const AnswerMarkdown = memo(function AnswerMarkdown({ text, citations, onCite }: AnswerMarkdownProps) {
  const { t } = useI18n();
  const linked = useMemo(
    () => linkifyWithSentences(text, new Set(citations.map((citation) => citation.n))),
    [text, citations],
  );
  const components = useMemo(
    () => buildComponents({ citations, sentences: linked.sentences, onCite, t }),
    [citations, linked.sentences, onCite, t],
  );
  return (
    <div className="answer-markdown">
      <Markdown remarkPlugins={remarkPlugins} components={components}>
        {linked.markdown}
      </Markdown>
    </div>
  );
});
