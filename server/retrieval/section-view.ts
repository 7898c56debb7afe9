import type {
  CompareResponse,
  GuideDocument,
  OutlineEntry,
  OutlineResponse,
  SectionResponse,
} from '../contract.js';
import { editionsByKey } from './align-editions.js';
import { chunksByDocument, isEmptySection } from './chunk-markdown.js';
import { compareGroupsWork } from './compare-groups.js';
import { createPacer, runPaced, type Work } from './pacer.js';
import type { Chunk, SourceDocument } from './types.js';

/** Finds sections by id and shows each inside its document: outline, previous and next entry. */
export interface SectionIndex {
  section(id: string): SectionResponse | undefined;
  /** The chunk of that id (empty heading-only ones included). */
  chunk(id: string): Chunk | undefined;
}

function outlineEntry(chunk: Chunk): OutlineEntry {
  return { id: chunk.id, headings: chunk.headings, anchor: chunk.anchor, depth: chunk.depth };
}

/**
 * Indexes every chunk (empty heading-only chunks included: they are outline entries the panel navigates)
 * by id, with its document outline computed once per document and the aligned sections of other editions;
 * yields after each chunk (for the paced warm-up).
 */
function* sectionIndexWork(documents: SourceDocument[], chunks: Chunk[]): Work<SectionIndex> {
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
    chunk: (id) => positions.get(id)?.chunk,
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
function* guideOutlineWork(
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

/** What the guide browser and the section panel read: built once, the corpus does not change while serving. */
export interface GuideViews {
  sections: SectionIndex;
  outline: OutlineResponse;
  compare: CompareResponse;
}

/**
 * Builds the section index, the outline and the compare tables a document (or section) at a time with pauses,
 * so a server warming a large corpus still answers its health checks: ~1 s of work at 50k sections.
 */
export async function buildGuideViews(
  documents: SourceDocument[],
  chunks: Chunk[],
  languageOf: (docId: string) => 'zh' | 'en',
): Promise<GuideViews> {
  const pacer = createPacer();
  const sections = await runPaced(sectionIndexWork(documents, chunks), pacer);
  const outline = await runPaced(guideOutlineWork(documents, chunks, languageOf), pacer);
  const groups = await runPaced(compareGroupsWork(chunks, languageOf), pacer);
  return { sections, outline, compare: { groups } };
}
