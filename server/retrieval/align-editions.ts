import type { Logger } from '../logger.js';
import { chunksByDocument } from './chunk-markdown.js';
import type { ScoredSection } from './score-sections.js';
import type { Chunk, SourceDocument } from './types.js';

/** `guide.en`, `docs/guide.zh-CN`: a document name and a BCP 47-style language tag (two letters, optional region). */
const EDITION_ID = /^(.+)\.([a-z]{2}(?:[-_][a-z0-9]{2,4})?)$/i;

/** One language edition of a document: `<name>.<lang>.md`. */
export interface Edition {
  name: string;
  lang: string;
}

/** The edition a document id names, or undefined when its file name carries no language tag. */
export function parseEdition(docId: string): Edition | undefined {
  const match = EDITION_ID.exec(docId);
  if (!match?.[1] || !match[2]) return undefined;
  return { name: match[1], lang: match[2].replace('_', '-').toLowerCase() };
}

/** The language's primary subtag (`zh-cn` → `zh`), what a question's detected language is compared with. */
export function primaryLanguage(lang: string): string {
  return lang.split('-')[0] ?? lang;
}

/** Documents that are editions of one another, by name; a name with a single file has no editions. */
function editionGroups(documents: SourceDocument[]): Map<string, Array<SourceDocument & Edition>> {
  const groups = new Map<string, Array<SourceDocument & Edition>>();
  for (const document of documents) {
    const edition = parseEdition(document.id);
    if (!edition) continue;
    const group = groups.get(edition.name) ?? [];
    if (group.some((member) => member.lang === edition.lang)) continue;
    groups.set(edition.name, [...group, { ...document, ...edition }]);
  }
  for (const [name, group] of groups) if (group.length < 2) groups.delete(name);
  return groups;
}

/** How many leading sections two editions share: same depth and index path, position by position. */
function matchingPrefix(left: Chunk[], right: Chunk[]): number {
  let length = 0;
  while (
    length < left.length &&
    length < right.length &&
    left[length]?.depth === right[length]?.depth &&
    left[length]?.indexPath === right[length]?.indexPath
  )
    length += 1;
  return length;
}

/**
 * Gives the aligned sections of a document's editions one section key, `<name>#<indexPath>`. Editions are
 * compared with the first one (by id) position by position in the heading tree; when the trees differ in
 * shape only the matching prefix is aligned and `edition_outline_mismatch` is logged — a translation that
 * drifted must still load. Chunks of documents without editions are returned unchanged.
 */
export function alignEditions(documents: SourceDocument[], chunks: Chunk[], logger: Logger): Chunk[] {
  const byDocument = chunksByDocument(chunks);
  const sharedKeys = new Map<string, string>();
  for (const [name, group] of editionGroups(documents)) {
    const [reference, ...others] = group.map((edition) => byDocument.get(edition.id) ?? []);
    if (!reference) continue;
    for (const [at, other] of others.entries()) {
      const aligned = matchingPrefix(reference, other);
      if (aligned < Math.max(reference.length, other.length))
        logger.warn('edition_outline_mismatch', {
          document: name,
          editions: [group[0]?.id, group[at + 1]?.id],
          sections: [reference.length, other.length],
          aligned,
        });
      for (const chunk of [...reference.slice(0, aligned), ...other.slice(0, aligned)])
        sharedKeys.set(chunk.id, `${name}#${chunk.indexPath}`);
    }
  }
  return chunks.map((chunk) => {
    const sectionKey = sharedKeys.get(chunk.id);
    return sectionKey ? { ...chunk, sectionKey } : chunk;
  });
}

/** The sections of each section key that sit in an edition: their positions in `chunks` and languages. */
export function editionsByKey(chunks: Chunk[]): Map<string, Array<{ position: number; lang: string }>> {
  const editions = new Map<string, Array<{ position: number; lang: string }>>();
  chunks.forEach((chunk, position) => {
    const lang = parseEdition(chunk.docId)?.lang;
    if (!lang) return;
    const list = editions.get(chunk.sectionKey);
    if (list) list.push({ position, lang });
    else editions.set(chunk.sectionKey, [{ position, lang }]);
  });
  return editions;
}

/** Picks, for each ranked section, the edition to show; see `preferQuestionEdition`. */
export type EditionChooser = (ranked: ScoredSection[], questionLanguage: string) => ScoredSection[];

/**
 * Builds the chooser over the indexed chunks. A section key appears once in the ranking: at the rank of its
 * best edition, shown in the edition whose language is the question's when one is indexed, else as ranked —
 * a reader gets one citation per section, in their language. (Adding the other editions' scores to the key was
 * tried on the dev split and lost R@3: it crowds out documents that have no second edition.) Keys with one
 * section (documents without editions) pass through untouched.
 */
export function preferQuestionEdition(indexed: Chunk[]): EditionChooser {
  const editions = editionsByKey(indexed);
  return (ranked, questionLanguage) => {
    const seen = new Set<string>();
    return ranked.flatMap((section) => {
      const key = indexed[section.position]?.sectionKey ?? '';
      if (seen.has(key)) return [];
      seen.add(key);
      const preferred = editions
        .get(key)
        ?.find((edition) => primaryLanguage(edition.lang) === questionLanguage);
      return [preferred ? { ...section, position: preferred.position } : section];
    });
  };
}
