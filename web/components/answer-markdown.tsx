import { type ComponentProps, memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { citationNumberOf, linkifyCitationMarkers } from '../lib/citation-markers.js';

interface AnswerMarkdownProps {
  text: string;
  /** The citation numbers this answer may reference; other [n] markers render as plain text. */
  citationNumbers: number[];
  onCite: (n: number) => void;
}

const remarkPlugins = [remarkGfm];

function isWebLink(href: string | undefined): href is string {
  return href !== undefined && /^https?:\/\//i.test(href);
}

/** Remote images are never fetched (they would leak the reader's IP and page to a third party). */
function ImagePlaceholder({ alt }: ComponentProps<'img'>) {
  return <span className="image-placeholder">{alt ? `[image: ${alt}]` : '[image]'}</span>;
}

function buildComponents(onCite: (n: number) => void): Components {
  return {
    a: ({ href, children }) => {
      const n = citationNumberOf(href);
      if (n !== undefined) {
        return (
          <button
            type="button"
            className="citation-marker"
            aria-label={`Citation ${n}`}
            onClick={() => onCite(n)}
          >
            {n}
          </button>
        );
      }
      if (!isWebLink(href)) return <span>{children}</span>;
      return (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    },
    img: ImagePlaceholder,
  };
}

/** An answer's Markdown, rendered safely (no raw HTML, no remote images, http(s) links only). */
export const AnswerMarkdown = memo(function AnswerMarkdown({
  text,
  citationNumbers,
  onCite,
}: AnswerMarkdownProps) {
  const key = citationNumbers.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined key stands for the array's content.
  const markdown = useMemo(() => linkifyCitationMarkers(text, new Set(citationNumbers)), [text, key]);
  const components = useMemo(() => buildComponents(onCite), [onCite]);
  return (
    <div className="answer-markdown">
      <Markdown remarkPlugins={remarkPlugins} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
});
