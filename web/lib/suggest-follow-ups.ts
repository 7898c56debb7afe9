import type { GuideDocument, GuideOutlineEntry } from '../../server/contract.js';
import { findEntry, headingLabel, inReaderLanguage, topicOf } from './guide-outline.js';
import type { Locale } from './i18n.js';

export const MAX_FOLLOW_UPS = 3;

export interface FollowUp {
  /** The section the question is about: sent as the question's scope. */
  sectionId: string;
  topic: string;
}

const parentOf = (entry: GuideOutlineEntry) => entry.headings.slice(0, -1).join('\u0000');

function siblingsOf(document: GuideDocument, entry: GuideOutlineEntry): GuideOutlineEntry[] {
  return document.outline.filter(
    (candidate) => candidate.depth === entry.depth && parentOf(candidate) === parentOf(entry),
  );
}

/** The same sub-heading under the parent's siblings ("this aspect of the next kind"). */
function sameAspectElsewhere(document: GuideDocument, entry: GuideOutlineEntry): GuideOutlineEntry[] {
  const own = headingLabel(entry.headings.at(-1) ?? '');
  const parent = document.outline.find((candidate) => candidate.headings.join('\u0000') === parentOf(entry));
  if (!parent) return [];
  return siblingsOf(document, parent).flatMap((uncle) => {
    const cousin = document.outline.find(
      (candidate) =>
        parentOf(candidate) === uncle.headings.join('\u0000') &&
        headingLabel(candidate.headings.at(-1) ?? '') === own,
    );
    return cousin && cousin.id !== entry.id ? [cousin] : [];
  });
}

/** Candidates in order of use: the next siblings, the same aspect of the parent's siblings, the next section. */
function candidatesFor(
  document: GuideDocument,
  entry: GuideOutlineEntry,
  index: number,
): GuideOutlineEntry[] {
  const siblings = siblingsOf(document, entry);
  const at = siblings.findIndex((sibling) => sibling.id === entry.id);
  const around = [...siblings.slice(at + 1), ...siblings.slice(0, Math.max(0, at))];
  return [
    ...around.slice(0, 2),
    ...sameAspectElsewhere(document, entry).slice(0, 2),
    ...document.outline.slice(index + 1, index + 2),
  ];
}

/**
 * Next questions drawn from the outline around what an answer cited — siblings, the same sub-heading under
 * neighbouring sections, the next section — never the cited sections themselves, named in the reader's
 * language edition when the guide has one. No model: the structure is the author's.
 */
export function suggestFollowUps(citedIds: string[], documents: GuideDocument[], locale: Locale): FollowUp[] {
  const cited = new Set(citedIds);
  const citedKeys = new Set(citedIds.flatMap((id) => findEntry(documents, id)?.entry.key ?? []));
  const seen = new Set<string>();
  const followUps: FollowUp[] = [];
  for (const id of citedIds) {
    const found = findEntry(documents, id);
    if (!found) continue;
    for (const candidate of candidatesFor(found.document, found.entry, found.index)) {
      if (!candidate.hasText || cited.has(candidate.id) || citedKeys.has(candidate.key)) continue;
      if (seen.has(candidate.key)) continue;
      seen.add(candidate.key);
      const shown = inReaderLanguage(documents, candidate, locale);
      followUps.push({ sectionId: shown.id, topic: topicOf(shown.headings) });
      if (followUps.length === MAX_FOLLOW_UPS) return followUps;
    }
  }
  return followUps;
}
