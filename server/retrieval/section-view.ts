import type { OutlineEntry, SectionEdition, SectionResponse } from '../contract.js';
import { parseEdition } from './align-editions.js';
import type { Chunk, SourceDocument } from './types.js';

/** Finds sections by id and shows each inside its document: outline, previous and next entry. */
export interface SectionIndex {
  section(id: string): SectionResponse | undefined;
}

function outlineEntry(chunk: Chunk): OutlineEntry {
  return { id: chunk.id, headings: chunk.headings, anchor: chunk.anchor, depth: chunk.depth };
}

/** The sections of each section key that sit in an edition, so a panel can switch between them. */
function editionsByKey(chunks: Chunk[]): Map<string, SectionEdition[]> {
  const editions = new Map<string, SectionEdition[]>();
  for (const chunk of chunks) {
    const lang = parseEdition(chunk.docId)?.lang;
    if (!lang) continue;
    const list = editions.get(chunk.sectionKey) ?? [];
    list.push({ lang, id: chunk.id });
    editions.set(chunk.sectionKey, list);
  }
  return editions;
}

/**
 * Indexes every chunk (empty heading-only chunks included: they are outline entries the panel navigates)
 * by id, with its document outline computed once per document and the aligned sections of other editions.
 */
export function createSectionIndex(documents: SourceDocument[], chunks: Chunk[]): SectionIndex {
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const outlines = new Map<string, OutlineEntry[]>();
  const positions = new Map<string, { chunk: Chunk; index: number }>();
  const editions = editionsByKey(chunks);
  for (const chunk of chunks) {
    const outline = outlines.get(chunk.docId) ?? [];
    positions.set(chunk.id, { chunk, index: outline.length });
    outline.push(outlineEntry(chunk));
    outlines.set(chunk.docId, outline);
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
        editions: (editions.get(chunk.sectionKey) ?? []).filter((edition) => edition.id !== chunk.id),
      };
    },
  };
}
