import type { AnswerLanguage } from '../answer/detect-language.js';
import { sectionLabel } from '../answer/section-label.js';
import type { Citation, CitationsData, SearchResult, UrlCitationAnnotation } from '../contract.js';
import { sectionUrl } from './deep-link.js';

/** The answer's markers after verification: [n] or [n, m]. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
/** A tail that may still become a marker once the next delta arrives. */
const OPEN_MARKER_TAIL = /\[[\d\s,]{0,24}$/;

const APPENDIX_TITLES = {
  sources: { zh: '来源', en: 'Sources' },
  nearest: { zh: '最接近的章节', en: 'Closest sections' },
} as const;
const APPENDIX_RULE = '\n\n---\n';

/** Cuts an earlier answer of ours back to plain `[n]` text: links undone, Sources list dropped. */
export function plainAnswerText(content: string): string {
  const titles = Object.values(APPENDIX_TITLES).flatMap((title) => Object.values(title));
  const appendix = new RegExp(`\\n*---\\n\\*\\*(?:${titles.join('|')})\\*\\*\\n[\\s\\S]*$`);
  return content.replace(appendix, '').replace(/\[\[(\d{1,3})\]\]\([^)\s]*\)/g, '[$1]');
}

/** The title a client shows for a cited section: its heading path without the shared document title. */
export function citationTitle(result: Pick<SearchResult, 'headings' | 'docTitle'>): string {
  return sectionLabel(result);
}

/** Text safe inside a Markdown link's brackets. */
function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

/** A Sources line's label: the section, and its document when that says more. */
function sourceLabel(citation: Citation): string {
  const title = citationTitle(citation);
  return title === citation.docTitle ? title : `${title} · ${citation.docTitle}`;
}

export interface CitedMarkdown {
  /** Rewrites the next text delta with its markers as links into `citations`; returns what can go out now. */
  push(delta: string, citations: Citation[]): string;
  /** What was held back, then the Sources list (and closest sections when the corpus has no answer). */
  finish(final: CitationsData): string;
  /** One url_citation per linked marker, indexed into everything returned so far. */
  readonly annotations: UrlCitationAnnotation[];
  /** Everything returned so far. */
  readonly content: string;
  /** The citation numbers the text linked so far. */
  readonly cited: ReadonlySet<number>;
}

/** Text with its markers as links; `offset` is where the text starts in the whole content. */
function linkMarkers(text: string, citations: Citation[], base: string, offset: number) {
  const annotations: UrlCitationAnnotation[] = [];
  const cited: number[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    out += text.slice(last, match.index);
    last = match.index + match[0].length;
    const numbers = (match[1] ?? '').split(/\s*,\s*/).map(Number);
    const found = numbers.flatMap((n) => citations.filter((citation) => citation.n === n));
    // A marker the citations cannot back stays plain text rather than becoming half a link.
    if (found.length !== numbers.length) {
      out += match[0];
      continue;
    }
    for (const citation of found) {
      const url = sectionUrl(base, citation.id);
      const link = `[[${citation.n}]](${url})`;
      const at = offset + out.length;
      const title = citationTitle(citation);
      annotations.push({
        type: 'url_citation',
        url_citation: { start_index: at, end_index: at + link.length, title, url },
      });
      cited.push(citation.n);
      out += link;
    }
  }
  return { text: out + text.slice(last), annotations, cited };
}

/** The Sources list of what the text cited; the closest sections instead when the corpus has no answer. */
function appendix(final: CitationsData, cited: Set<number>, options: MarkdownOptions): string {
  const sources = final.citations.filter((citation) => cited.has(citation.n));
  const lines: string[] = [];
  if (sources.length > 0) {
    lines.push(`**${APPENDIX_TITLES.sources[options.language]}**`);
    for (const citation of sources) {
      lines.push(`- [[${citation.n}]](${sectionUrl(options.base, citation.id)}) ${sourceLabel(citation)}`);
    }
  } else if (final.notCovered && final.nearest.length > 0) {
    lines.push(`**${APPENDIX_TITLES.nearest[options.language]}**`);
    for (const result of final.nearest) {
      lines.push(`- [${linkText(citationTitle(result))}](${sectionUrl(options.base, result.id)})`);
    }
  }
  return lines.length > 0 ? `${APPENDIX_RULE}${lines.join('\n')}\n` : '';
}

interface MarkdownOptions {
  /** Where the web UI is: links are `<base>/?section=<id>`. */
  base: string;
  language: AnswerLanguage;
}

/**
 * Turns the answer's `[n]` into Markdown links to each section's deep link, as the text streams, and ends it
 * with a numbered Sources list — so a client that shows only Markdown still has every citation.
 */
export function createCitedMarkdown(options: MarkdownOptions): CitedMarkdown {
  let content = '';
  let pending = '';
  const annotations: UrlCitationAnnotation[] = [];
  const cited = new Set<number>();
  const release = (text: string, citations: Citation[]): string => {
    const linked = linkMarkers(text, citations, options.base, content.length);
    annotations.push(...linked.annotations);
    for (const n of linked.cited) cited.add(n);
    content += linked.text;
    return linked.text;
  };
  return {
    push(delta, citations) {
      const text = pending + delta;
      const cut = OPEN_MARKER_TAIL.exec(text)?.index ?? text.length;
      pending = text.slice(cut);
      return release(text.slice(0, cut), citations);
    },
    finish(final) {
      const rest = release(pending, final.citations);
      pending = '';
      const tail = appendix(final, cited, options);
      content += tail;
      return rest + tail;
    },
    get annotations() {
      return annotations;
    },
    get content() {
      return content;
    },
    get cited() {
      return cited;
    },
  };
}
