import { tokenize } from './tokenizer.js';

/** Expanded synonyms count less than the words the user typed. */
export const EXPANSION_WEIGHT = 0.8;
/** A wider term a word implies (银行 → 行业) counts less than a synonym: it is a hint, not a translation. */
export const BROADER_WEIGHT = 0.5;
/** Domain-generic words (ai, 产品经理, role) rank a little and are never required. */
export const GENERIC_WEIGHT = 0.15;
/** Question-type hints (what is → 定义), word pairs and phrase pairs reward a match, never required. */
export const SOFT_WEIGHT = 0.5;

/** A role the question contrasts with or works with (`vs the ML engineers`, `跟工程师配合`) weighs less. */
export const COUNTERPART_WEIGHT = 0.5;

export type ConceptKind = 'topic' | 'generic' | 'soft';
export type ConceptScope = 'domain' | 'profession' | 'general';

export const KIND_WEIGHTS: Record<ConceptKind, number> = {
  topic: 1,
  generic: GENERIC_WEIGHT,
  soft: SOFT_WEIGHT,
};

/** One way to say a concept: a chunk holds it to the (idf-weighted) share of its tokens it contains. */
export interface ConceptAlternative {
  term: string;
  tokens: string[];
  weight: number;
}

/** One idea of the question (a word, or a glossary term with its synonyms); a chunk covers it or not. */
export interface QueryConcept {
  label: string;
  kind: ConceptKind;
  /** Glossary concepts are known vocabulary; a leftover word may be one the corpus never uses. */
  source: 'glossary' | 'query';
  /**
   * `domain`: AI / AI-PM vocabulary (a domain glossary entry, `ai`): the question is in scope. `profession`:
   * names product management without its AI side (PM, 产品经理). `general`: everyday or unknown words.
   */
  scope: ConceptScope;
  /** Only model-engineering vocabulary (training, LLM): see the glossary schema's `technical`. */
  technical?: boolean;
  /** Set on the role the question asks about when it names a team role (see question-subject.ts). */
  subject?: boolean;
  /** Names a per-role aspect (skills, 日常工作): see the glossary schema's `aspect`. */
  aspect?: boolean;
  /** Names one kind of AI PM (平台, growth): see the glossary schema's `track`. */
  track?: boolean;
  weight: number;
  alternatives: ConceptAlternative[];
}

/** A concept for a word of the question the glossary does not know. */
export function plainConcept(
  text: string,
  kind: ConceptKind,
  tokens = [...new Set(tokenize(text))],
): QueryConcept | undefined {
  if (tokens.length === 0) return undefined;
  const alternatives = [{ term: text, tokens, weight: 1 }];
  return { label: text, kind, source: 'query', scope: 'general', weight: KIND_WEIGHTS[kind], alternatives };
}

/** A soft concept that holds only exact tokens (a word pair, the phrase pairs of a Han run). */
export function softConcept(label: string, tokens: string[]): QueryConcept {
  const alternatives = [{ term: tokens.join(' '), tokens, weight: 1 }];
  return { label, kind: 'soft', source: 'query', scope: 'general', weight: SOFT_WEIGHT, alternatives };
}
