import type { GlossaryMatcher } from './glossary.js';
import { findCueWords, onlyGlueBetween, type TermMatch } from './match-glossary.js';
import { COUNTERPART_WEIGHT, type QueryConcept } from './query-concept.js';

interface RoleMention {
  label: string;
  /** After `with`, `vs`, `跟`: the role the asked-about one is contrasted or works with. */
  counterpart: boolean;
  /** After `or`, `还是`: one of the roles the question chooses between. */
  choice: boolean;
}

function roleMentions(matches: TermMatch[], matcher: GlossaryMatcher, normalized: string): RoleMention[] {
  const companions = findCueWords(matcher.companions, normalized);
  const alternatives = findCueWords(matcher.alternatives, normalized);
  const cuedBy = (cues: TermMatch[], match: TermMatch) =>
    cues.some((cue) => cue.end <= match.start && onlyGlueBetween(normalized.slice(cue.end, match.start)));
  return matches
    .filter((match) => match.term.groups.some((group) => group.role))
    .map((match) => ({
      label: match.term.groups.map((group) => group.id).join('|'),
      counterpart: cuedBy(companions, match),
      choice: cuedBy(alternatives, match),
    }));
}

/**
 * Who a question about the team asks about: the first role named that no `with` / `vs` / `跟` makes a
 * counterpart. It is marked `subject` (sections headed by it rank higher, see rank-chunks.ts); the roles it
 * is contrasted with lose weight. Questions naming only the PM are left alone (every section is about PMs),
 * and so are choices (`engineer or PM?`).
 */
export function weighSubjectRole(
  concepts: QueryConcept[],
  matches: TermMatch[],
  context: { matcher: GlossaryMatcher; normalized: string },
): QueryConcept[] {
  const mentions = roleMentions(matches, context.matcher, context.normalized);
  const subject = mentions.find((mention) => !mention.counterpart)?.label;
  const labels = new Set(mentions.map((mention) => mention.label));
  const teamRole = concepts.some((concept) => labels.has(concept.label) && concept.kind === 'topic');
  if (!teamRole || mentions.some((mention) => mention.choice)) return concepts;
  return concepts.map((concept) => {
    if (!labels.has(concept.label)) return concept;
    if (concept.label !== subject) return { ...concept, weight: concept.weight * COUNTERPART_WEIGHT };
    return { ...concept, subject: true };
  });
}
