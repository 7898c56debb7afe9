import { onlyGlueBetween, type TermMatch } from './match-glossary.js';
import { type QueryConcept, SOFT_WEIGHT } from './query-concept.js';

function labelOf(match: TermMatch): string {
  return match.term.groups.map((group) => group.id).join('|');
}

function namesPerson(match: TermMatch): boolean {
  return match.term.groups.some((group) => group.role || group.track);
}

/**
 * An aspect word right before the role or kind of PM it describes is part of the person, not the question
 * (`a newly hired platform PM … focus on`: `hired` says who, `focus` says what). When the question names
 * another aspect, that one is asked about: the describing aspect becomes a soft hint.
 */
export function demoteModifyingAspects(
  concepts: QueryConcept[],
  matches: TermMatch[],
  normalized: string,
): QueryConcept[] {
  const aspects = matches.filter((match) => match.term.groups.some((group) => group.aspect));
  if (new Set(aspects.map(labelOf)).size < 2) return concepts;
  const modifying = new Set(
    aspects
      .filter((aspect) =>
        matches.some(
          (person) =>
            namesPerson(person) &&
            person.start >= aspect.end &&
            onlyGlueBetween(normalized.slice(aspect.end, person.start)),
        ),
      )
      .map(labelOf),
  );
  const asked = aspects.some((aspect) => !modifying.has(labelOf(aspect)));
  if (modifying.size === 0 || !asked) return concepts;
  return concepts.map((concept) =>
    modifying.has(concept.label) ? { ...concept, kind: 'soft', aspect: false, weight: SOFT_WEIGHT } : concept,
  );
}
