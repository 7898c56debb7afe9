import type { GlossaryMatcher, SynonymGroup } from './glossary.js';
import { leftoverConcepts } from './leftover-concepts.js';
import { matchGlossary, type TermMatch } from './match-glossary.js';
import { demoteModifyingAspects } from './modifier-aspects.js';
import {
  BROADER_WEIGHT,
  type ConceptAlternative,
  type ConceptKind,
  EXPANSION_WEIGHT,
  KIND_WEIGHTS,
  type QueryConcept,
} from './query-concept.js';
import { weighSubjectRole } from './question-subject.js';
import { normalizeText } from './tokenizer.js';

export interface AnalyzedQuery {
  concepts: QueryConcept[];
}

/** A word generic in one sense and topical in another (`track`: a career track / to monitor) is never required. */
function conceptKind(groups: SynonymGroup[]): ConceptKind {
  const kinds = new Set(groups.map((group) => group.kind));
  if (kinds.has('generic')) return kinds.size > 1 ? 'soft' : 'generic';
  return kinds.has('topic') ? 'topic' : 'soft';
}

/**
 * A matched term as one concept: the words typed at weight 1, every synonym of its group(s) lower, and the
 * terms of wider groups it implies (银行 → 行业) lower still.
 */
function glossaryConcept(match: TermMatch): QueryConcept | undefined {
  const { term } = match;
  if (term.filler || term.groups.length === 0) return undefined;
  const alternatives = new Map<string, ConceptAlternative>();
  const add = (group: SynonymGroup, weightOf: (key: string) => number) => {
    for (const synonym of group.terms) {
      if (synonym.tokens.length === 0 || alternatives.has(synonym.text)) continue;
      alternatives.set(synonym.text, {
        term: synonym.text,
        tokens: synonym.tokens,
        weight: weightOf(synonym.key),
      });
    }
  };
  for (const group of term.groups) add(group, (key) => (key === term.key ? 1 : EXPANSION_WEIGHT));
  for (const group of term.groups) for (const wider of group.broader) add(wider, () => BROADER_WEIGHT);
  if (alternatives.size === 0) return undefined;
  const kind = conceptKind(term.groups);
  return {
    label: term.groups.map((group) => group.id).join('|'),
    kind,
    source: 'glossary',
    scope: term.scope,
    technical: term.groups.every((group) => group.technical),
    aspect: term.groups.some((group) => group.aspect),
    track: term.groups.some((group) => group.track),
    weight: KIND_WEIGHTS[kind],
    alternatives: [...alternatives.values()],
  };
}

/**
 * Turns a question into concepts: glossary terms (with their synonyms in both languages, lower weight),
 * leftover topic words, domain-generic words (low weight) and soft hints; stopwords and filler dropped.
 */
export function analyzeQuery(query: string, matcher: GlossaryMatcher): AnalyzedQuery {
  const normalized = normalizeText(query);
  const matches = matchGlossary(matcher, normalized);
  const concepts = [
    ...matches.flatMap((match) => glossaryConcept(match) ?? []),
    ...leftoverConcepts(normalized, matches, matcher.generic),
  ];
  const unique = new Map<string, QueryConcept>();
  for (const concept of concepts) if (!unique.has(concept.label)) unique.set(concept.label, concept);
  const described = demoteModifyingAspects([...unique.values()], matches, normalized);
  return { concepts: weighSubjectRole(described, matches, { matcher, normalized }) };
}
