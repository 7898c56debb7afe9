import type { CompareResponse, OutlineResponse } from '../contract.js';
import { compareGroupsWork } from './compare-groups.js';
import { createPacer, runPaced } from './pacer.js';
import { guideOutlineWork, type SectionIndex, sectionIndexWork } from './section-view.js';
import type { Chunk, SourceDocument } from './types.js';

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
