import type { GuideDocument, OutlineEntry, OutlineResponse, SectionResponse } from '../contract.js';
import { editionsByKey } from './align-editions.js';
import { chunksByDocument, isEmptySection } from './chunk-markdown.js';
import type { Work } from './pacer.js';
import type { Chunk, SourceDocument } from './types.js';

/** Finds sections by id and shows each inside its document: outline, previous and next entry. */
export interface SectionIndex {
  section(id: string): SectionResponse | undefined;
}

function outlineEntry(chunk: Chunk): OutlineEntry {
  return { id: chunk.id, headings: chunk.headings, anchor: chunk.anchor, depth: chunk.depth };
}

/**
 * Indexes every chunk (empty heading-only chunks included: they are outline entries the panel navigates)
 * by id, with its document outline computed once per document and the aligned sections of other editions;
 * yields after each chunk (for the paced warm-up).
 */
export function* sectionIndexWork(documents: SourceDocument[], chunks: Chunk[]): Work<SectionIndex> {
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const outlines = new Map<string, OutlineEntry[]>();
  const positions = new Map<string, { chunk: Chunk; index: number }>();
  const editions = editionsByKey(chunks);
  const editionsOf = (chunk: Chunk) =>
    (editions.get(chunk.sectionKey) ?? []).flatMap(({ position, lang }) => {
      const id = chunks[position]?.id;
      return id === undefined || id === chunk.id ? [] : [{ lang, id }];
    });
  for (const chunk of chunks) {
    const outline = outlines.get(chunk.docId) ?? [];
    positions.set(chunk.id, { chunk, index: outline.length });
    outline.push(outlineEntry(chunk));
    outlines.set(chunk.docId, outline);
    yield;
  }
  return {
    section(id) {
      const position = positions.get(id);
      if (!position) return undefined;
      const { chunk, index } = position;
      const outline = outlines.get(chunk.docId) ?? [];
      return {
        id: chunk.id,
        docId: chunk.docId,
        docTitle: chunk.docTitle,
        headings: chunk.headings,
        anchor: chunk.anchor,
        text: chunk.text,
        start: chunk.start,
        end: chunk.end,
        document: { id: chunk.docId, title: titles.get(chunk.docId) ?? chunk.docTitle, outline },
        prev: outline[index - 1] ?? null,
        next: outline[index + 1] ?? null,
        editions: editionsOf(chunk),
      };
    },
  };
}

/**
 * Every document's table of contents for the guide browser, in corpus order: each section with its heading
 * path, depth, edition key and whether it has text of its own. Computed once; the corpus does not change
 * while the server runs; yields after each document (for the paced warm-up).
 */
export function* guideOutlineWork(
  documents: SourceDocument[],
  chunks: Chunk[],
  languageOf: (docId: string) => 'zh' | 'en',
): Work<OutlineResponse> {
  const byDocument = chunksByDocument(chunks);
  const guideDocuments: GuideDocument[] = [];
  for (const document of documents) {
    guideDocuments.push({
      id: document.id,
      title: document.title,
      lang: languageOf(document.id),
      outline: (byDocument.get(document.id) ?? []).map((chunk) => ({
        ...outlineEntry(chunk),
        key: chunk.sectionKey,
        hasText: !isEmptySection(chunk),
      })),
    });
    yield;
  }
  return { documents: guideDocuments };
}
