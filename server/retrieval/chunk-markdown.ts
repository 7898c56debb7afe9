import type { LoadedDocument } from './load-corpus.js';
import { findHeadings, type HeadingLine } from './markdown.js';
import type { Chunk, SourceDocument } from './types.js';

/** Anchor of the text before a document's first heading. */
export const PREAMBLE_ANCHOR = 'preamble';

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const THEMATIC_BREAK_LINES = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm;

/**
 * GitHub-style heading slug: Latin lowercased, CJK kept, punctuation (`（）/、：.&×`) dropped, each space
 * a `-`. Empty headings become `section`.
 */
export function slugifyHeading(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
  return slug || 'section';
}

/** Gives each anchor a document-unique form: the second `定义` becomes `定义-2`, the third `定义-3`. */
function uniqueAnchors(slugs: string[]): string[] {
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  return slugs.map((slug) => {
    let count = seen.get(slug) ?? 0;
    let anchor = slug;
    while (taken.has(anchor)) {
      count += 1;
      anchor = `${slug}-${count + 1}`;
    }
    seen.set(slug, count);
    taken.add(anchor);
    return anchor;
  });
}

/**
 * End offset of a section once trailing blank lines and `---` separators are dropped: they separate
 * sections and would only add noise to a cited passage.
 */
function trimSectionEnd(text: string, start: number, end: number): number {
  let cut = end;
  for (;;) {
    while (cut > start && /\s/.test(text[cut - 1] ?? '')) cut -= 1;
    const lineStart = text.lastIndexOf('\n', cut - 1) + 1;
    if (lineStart <= start || !THEMATIC_BREAK.test(text.slice(lineStart, cut))) return cut;
    const before = text.lastIndexOf('\n', lineStart - 2) + 1;
    // `text\n---` is a setext underline, not a separator: keep it.
    if (text.slice(before, lineStart).trim() !== '') return cut;
    cut = lineStart;
  }
}

/** True when a chunk has nothing but its heading line (and separators): nothing to retrieve or cite. */
export function isEmptySection(chunk: Chunk): boolean {
  const bodyStart = chunk.depth === 0 ? 0 : chunk.text.indexOf('\n') + 1 || chunk.text.length;
  return chunk.text.slice(bodyStart).replace(THEMATIC_BREAK_LINES, '').trim() === '';
}

/** Each heading's path (H1 → Hn titles) and index path (sibling ordinals, `1.3.2`), in one walk. */
function headingPlaces(headings: HeadingLine[]): Array<{ path: string[]; indexPath: string }> {
  const stack: Array<{ level: number; title: string; ordinal: number }> = [];
  const childCounts = [0];
  return headings.map(({ level, title }) => {
    while ((stack.at(-1)?.level ?? 0) >= level) {
      stack.pop();
      childCounts.pop();
    }
    const ordinal = (childCounts.at(-1) ?? 0) + 1;
    childCounts[childCounts.length - 1] = ordinal;
    stack.push({ level, title, ordinal });
    childCounts.push(0);
    return {
      path: stack.map((entry) => entry.title),
      indexPath: stack.map((entry) => entry.ordinal).join('.'),
    };
  });
}

/** Chunks grouped by document, in corpus order. */
export function chunksByDocument(chunks: Chunk[]): Map<string, Chunk[]> {
  const byDocument = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDocument.get(chunk.docId);
    if (list) list.push(chunk);
    else byDocument.set(chunk.docId, [chunk]);
  }
  return byDocument;
}

function preambleChunk(doc: SourceDocument, end: number): Chunk | undefined {
  const start = doc.text.search(/\S/);
  if (start === -1 || start >= end) return undefined;
  const trimmedEnd = trimSectionEnd(doc.text, start, end);
  const text = doc.text.slice(start, trimmedEnd);
  if (text.replace(THEMATIC_BREAK_LINES, '').trim() === '') return undefined;
  const base = { docId: doc.id, docTitle: doc.title, headings: [], depth: 0, anchor: PREAMBLE_ANCHOR };
  const position = { indexPath: '0', sectionKey: `${doc.id}#0` };
  return { ...base, ...position, id: `${doc.id}#${PREAMBLE_ANCHOR}`, text, start, end: trimmedEnd };
}

/**
 * Splits a document into heading-bounded chunks. Each heading owns the text up to the next heading of ANY
 * level, so a three-bullet `需求量` subsection is its own chunk; its `headings` path (H1 → Hn) carries the
 * parent context (role name). Text before the first heading becomes a `preamble` chunk when non-empty; a
 * document with no heading at all is therefore one chunk. Chunks whose body is empty are kept (they are
 * outline entries for navigation); the index skips them (see `isEmptySection`). A document from `loadCorpus`
 * brings the headings of its one parse; any other is parsed here.
 */
export function chunkDocument(doc: SourceDocument & { parsed?: LoadedDocument['parsed'] }): Chunk[] {
  const headings = doc.parsed?.text === doc.text ? doc.parsed.headings : findHeadings(doc.text);
  const firstStart = headings[0]?.start ?? doc.text.length;
  const preamble = preambleChunk(doc, firstStart);
  const places = headingPlaces(headings);
  const anchors = uniqueAnchors([
    ...(preamble ? [PREAMBLE_ANCHOR] : []),
    ...headings.map((heading) => slugifyHeading(heading.title)),
  ]).slice(preamble ? 1 : 0);
  const chunks: Chunk[] = preamble ? [preamble] : [];
  headings.forEach((heading, index) => {
    const nextStart = headings[index + 1]?.start ?? doc.text.length;
    const end = trimSectionEnd(doc.text, heading.start, nextStart);
    const anchor = anchors[index] ?? slugifyHeading(heading.title);
    const indexPath = places[index]?.indexPath ?? String(index + 1);
    chunks.push({
      id: `${doc.id}#${anchor}`,
      docId: doc.id,
      docTitle: doc.title,
      headings: places[index]?.path ?? [heading.title],
      depth: heading.level,
      anchor,
      text: doc.text.slice(heading.start, end),
      start: heading.start,
      end,
      indexPath,
      sectionKey: `${doc.id}#${indexPath}`,
    });
  });
  return chunks;
}
