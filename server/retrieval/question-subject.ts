import type { GlossaryMatcher } from './glossary.js';
import { findCueWords, onlyGlueBetween, type TermMatch } from './match-glossary.js';
import { COUNTERPART_WEIGHT, type QueryConcept, SOFT_WEIGHT } from './query-concept.js';

interface RoleMention {
  label: string;
  /** After `with`, `vs`, `跟`: the role the asked-about one is contrasted or works with. */
  counterpart: boolean;
  /** After `or`, `还是`: one of the roles the question chooses between. */
  choice: boolean;
}

function cuesOf(cues: TermMatch[], match: TermMatch, normalized: string): TermMatch[] {
  return cues.filter(
    (cue) => cue.end <= match.start && onlyGlueBetween(normalized.slice(cue.end, match.start)),
  );
}

/**
 * Glossary terms that are the `vs` / `跟` cue before a counterpart role (`the PM's job vs the ML engineer's`):
 * they contrast the two roles, so they do not ask for a section about other differences.
 */
function contrastCueLabels(matches: TermMatch[], matcher: GlossaryMatcher, normalized: string): Set<string> {
  const companions = findCueWords(matcher.companions, normalized);
  const roles = matches.filter((match) => match.term.groups.some((group) => group.role));
  const cues = roles.slice(1).flatMap((role) => cuesOf(companions, role, normalized));
  return new Set(
    matches
      .filter((match) => cues.some((cue) => cue.start === match.start && cue.end === match.end))
      .map((match) => match.term.groups.map((group) => group.id).join('|')),
  );
}

function roleMentions(matches: TermMatch[], matcher: GlossaryMatcher, normalized: string): RoleMention[] {
  const companions = findCueWords(matcher.companions, normalized);
  const alternatives = findCueWords(matcher.alternatives, normalized);
  const cuedBy = (cues: TermMatch[], match: TermMatch) => cuesOf(cues, match, normalized).length > 0;
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
  const cueLabels = contrastCueLabels(matches, context.matcher, context.normalized);
  return concepts.map((concept) => {
    if (cueLabels.has(concept.label) && concept.kind === 'topic')
      return { ...concept, kind: 'soft', weight: SOFT_WEIGHT };
    if (!labels.has(concept.label)) return concept;
    if (concept.label !== subject) return { ...concept, weight: concept.weight * COUNTERPART_WEIGHT };
    return { ...concept, subject: true };
  });
}
