import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { hasHan, latinWords, normalize, stem, type WordAt } from './text.js';
import domainTerms from './vocabulary/domain-terms.json' with { type: 'json' };

/** One concept's names in both languages; a query naming any of them searches for all of them. */
export type TermGroup = readonly string[];

/** A vocabulary term found in a question, with where it sits. */
export interface TermMatch {
  term: string;
  start: number;
  end: number;
  /** Every name of the concept, the matched one included. */
  names: readonly string[];
}

/** Finds the vocabulary's terms in a normalized question. */
export interface Vocabulary {
  readonly size: number;
  /** `inflections` (default on) lets `metrics` find the term `metric`. */
  match(normalized: string, options?: { inflections?: boolean }): TermMatch[];
  /** True when a Latin word is part of some term: the speller corrects towards these too. */
  knowsWord(word: string): boolean;
  /** True when a normalized text is one of the vocabulary's names: Chinese is read as such words. */
  knowsTerm(text: string): boolean;
}

const glossarySchema = z.object({
  groups: z.array(z.array(z.string().min(1).max(80)).min(2).max(40)).max(20_000),
});

const LATIN_BOUNDARY = /[\p{L}\p{N}]/u;

/** The vocabulary that ships with the product: general AI and product-management terms, in both languages. */
export function domainGroups(): TermGroup[] {
  return domainTerms.groups;
}

/**
 * Reads an operator's `glossary.json` (`{ "groups": [["term", "术语", …], …] }`): names their corpus uses for
 * one concept. A malformed file throws: it is a deploy error, not something to guess around.
 */
export async function readGlossary(file: string): Promise<TermGroup[]> {
  const parsed = glossarySchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data.groups;
}

function boundedAt(text: string, start: number, end: number, term: string): boolean {
  if (hasHan(term)) return true;
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const latinEdge = (character: string) => LATIN_BOUNDARY.test(character) && !hasHan(character);
  return !latinEdge(before) && !latinEdge(after);
}

/** The endings English adds to a word (plural, third person, past, -ing), with the letters they replace. */
const ENDINGS: Array<[drop: string, add: string]> = [
  ['', 's'],
  ['', 'es'],
  ['', 'd'],
  ['', 'ed'],
  ['', 'ing'],
  ['e', 'ing'],
  ['y', 'ies'],
  ['y', 'ied'],
];

function inflects(base: string, form: string): boolean {
  return ENDINGS.some(
    ([drop, add]) => base.endsWith(drop) && form === `${base.slice(0, base.length - drop.length)}${add}`,
  );
}

/**
 * True when two words are one word in another inflection (`metric` ~ `metrics`, `prompt` ~ `prompting`):
 * the stems must agree and one word must be the other plus an ending, so `production` never reads as
 * `product`, though the stemmer conflates them.
 */
function sameWord(left: string, right: string): boolean {
  if (left === right) return true;
  return stem(left) === stem(right) && (inflects(left, right) || inflects(right, left));
}

/** A Latin term by the stems of its words: a question may say it in any inflection. */
function stemIndex(terms: string[]): { byStems: Map<string, string[]>; longest: number } {
  const byStems = new Map<string, string[]>();
  let longest = 0;
  for (const term of terms) {
    if (hasHan(term)) continue;
    const words = latinWords(term).map(({ word }) => word);
    if (words.length === 0) continue;
    const key = words.map(stem).join(' ');
    byStems.set(key, [...(byStems.get(key) ?? []), term]);
    longest = Math.max(longest, words.length);
  }
  return { byStems, longest };
}

/** The term whose words the question's words are, each in some inflection. */
function inflectedTerm(words: WordAt[], candidates: string[]): string | undefined {
  return candidates.find((term) => {
    const own = latinWords(term);
    return own.length === words.length && own.every((part, at) => sameWord(part.word, words[at]?.word ?? ''));
  });
}

/**
 * Compiles term groups into a matcher. A term shared by several groups joins them (names of one concept),
 * matches are longest-first and never overlap, so `data flywheel` wins over `data`.
 */
export function createVocabulary(groups: TermGroup[]): Vocabulary {
  const namesOf = new Map<string, Set<string>>();
  for (const group of groups) {
    const names = group.map(normalize).filter((name) => name.trim() !== '');
    const merged = new Set(names.flatMap((name) => [...(namesOf.get(name) ?? [name])]));
    for (const name of merged) namesOf.set(name, merged);
  }
  const terms = [...namesOf.keys()].sort((left, right) => right.length - left.length);
  const words = new Set(terms.flatMap((term) => term.match(/\p{Script=Latin}+/gu) ?? []));
  const { byStems, longest } = stemIndex(terms);

  /** Latin terms said in another inflection, where no exact match was found: longest first, left to right. */
  function matchInflected(normalized: string, taken: Uint8Array): TermMatch[] {
    const found: TermMatch[] = [];
    const question = latinWords(normalized);
    for (let at = 0; at < question.length; at++) {
      for (let count = Math.min(longest, question.length - at); count > 0; count--) {
        const span = question.slice(at, at + count);
        const start = span[0]?.start ?? 0;
        const end = span.at(-1)?.end ?? start;
        if (taken.subarray(start, end).some(Boolean)) continue;
        const term = inflectedTerm(span, byStems.get(span.map(({ word }) => stem(word)).join(' ')) ?? []);
        if (!term) continue;
        taken.fill(1, start, end);
        found.push({ term, start, end, names: [...(namesOf.get(term) ?? [term])] });
        at += count - 1;
        break;
      }
    }
    return found;
  }

  return {
    size: terms.length,
    knowsWord: (word) => words.has(word),
    knowsTerm: (text) => namesOf.has(text),
    match(normalized, options = {}) {
      const taken = new Uint8Array(normalized.length);
      const matches: TermMatch[] = [];
      for (const term of terms) {
        for (let at = normalized.indexOf(term); at !== -1; at = normalized.indexOf(term, at + 1)) {
          const end = at + term.length;
          if (taken.subarray(at, end).some(Boolean) || !boundedAt(normalized, at, end, term)) continue;
          taken.fill(1, at, end);
          matches.push({ term, start: at, end, names: [...(namesOf.get(term) ?? [term])] });
        }
      }
      if (options.inflections !== false) matches.push(...matchInflected(normalized, taken));
      return matches.sort((left, right) => left.start - right.start);
    },
  };
}
