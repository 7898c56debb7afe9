import { parseEdition, primaryLanguage } from './align-editions.js';
import type { ScoredSection } from './score-sections.js';
import type { Chunk } from './types.js';

/** Picks, for each ranked section, the edition to show; see `preferQuestionEdition`. */
export type EditionChooser = (ranked: ScoredSection[], questionLanguage: string) => ScoredSection[];

/**
 * Builds the chooser over the indexed chunks. A section key appears once in the ranking: at the rank of its
 * best edition, shown in the edition whose language is the question's when one is indexed, else as ranked —
 * a reader gets one citation per section, in their language. (Adding the other editions' scores to the key was
 * tried on the dev split and lost R@3: it crowds out documents that have no second edition.) Keys with one section (documents without
 * editions) pass through untouched.
 */
export function preferQuestionEdition(indexed: Chunk[]): EditionChooser {
  const editionsByKey = new Map<string, Array<{ position: number; lang: string }>>();
  indexed.forEach((chunk, position) => {
    const lang = parseEdition(chunk.docId)?.lang;
    if (!lang) return;
    const list = editionsByKey.get(chunk.sectionKey) ?? [];
    list.push({ position, lang: primaryLanguage(lang) });
    editionsByKey.set(chunk.sectionKey, list);
  });
  return (ranked, questionLanguage) => {
    const seen = new Set<string>();
    return ranked.flatMap((section) => {
      const key = indexed[section.position]?.sectionKey ?? '';
      if (seen.has(key)) return [];
      seen.add(key);
      const preferred = editionsByKey.get(key)?.find((edition) => edition.lang === questionLanguage);
      return [preferred ? { ...section, position: preferred.position } : section];
    });
  };
}
