import type { GlossaryTerm, SynonymGroup } from './glossary.js';
import type { ConceptScope } from './query-concept.js';

const HAN = /\p{Script=Han}/u;

/** A group's own scope: AI / AI-PM vocabulary, product-management words, or everyday words. */
export function groupScope(groups: SynonymGroup[]): ConceptScope {
  if (groups.some((group) => !group.general && !group.profession)) return 'domain';
  return groups.some((group) => group.profession) ? 'profession' : 'general';
}

/**
 * Gives every term its scope: its groups' scope, or `domain` when the term contains a domain word — `AI
 * output` and `stronger model` are everyday sets, but a question using them still names AI or models.
 */
export function assignScopes(terms: GlossaryTerm[]): void {
  const domainTerms = terms.filter((term) => groupScope(term.groups) === 'domain');
  const latinWords = new Set(
    domainTerms.filter((term) => !HAN.test(term.key) && !term.key.includes(' ')).map((term) => term.key),
  );
  const hanWords = domainTerms
    .filter((term) => HAN.test(term.key) && [...term.key].length >= 2)
    .map((term) => term.key);
  for (const term of terms) {
    term.scope = groupScope(term.groups);
    if (term.scope === 'domain' || term.groups.length === 0) continue;
    const mentions = HAN.test(term.key)
      ? hanWords.some((word) => term.key.includes(word)) ||
        term.key.split(/[^a-z0-9]+/).some((word) => latinWords.has(word))
      : term.key.split(' ').some((word) => latinWords.has(word));
    if (mentions) term.scope = 'domain';
  }
}
