import type { GuideDocument, OutlineResponse } from '../contract.js';
import { isEmptySection } from './chunk-markdown.js';
import type { Chunk, SourceDocument } from './types.js';

/**
 * Every document's table of contents for the guide browser, in corpus order: each section with its heading
 * path, depth, edition key and whether it has text of its own. Computed once; the corpus does not change
 * while the server runs.
 */
export function buildGuideOutline(
  documents: SourceDocument[],
  chunks: Chunk[],
  languageOf: (document: SourceDocument) => 'zh' | 'en',
): OutlineResponse {
  const byDocument = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDocument.get(chunk.docId) ?? [];
    list.push(chunk);
    byDocument.set(chunk.docId, list);
  }
  const guideDocuments = documents.map(
    (document): GuideDocument => ({
      id: document.id,
      title: document.title,
      lang: languageOf(document),
      outline: (byDocument.get(document.id) ?? []).map((chunk) => ({
        id: chunk.id,
        headings: chunk.headings,
        anchor: chunk.anchor,
        depth: chunk.depth,
        key: chunk.sectionKey,
        hasText: !isEmptySection(chunk),
      })),
    }),
  );
  return { documents: guideDocuments };
}
