import type { Logger } from '../logger.js';
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
  const byDocument = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDocument.get(chunk.docId) ?? [];
    list.push(chunk);
    byDocument.set(chunk.docId, list);
  }
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
