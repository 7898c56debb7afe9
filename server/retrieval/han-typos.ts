import type { GlossaryMatcher } from './glossary.js';
import { matchGlossary } from './match-glossary.js';
import { isStopword } from './tokenizer.js';

/** Fixes one-character typos in the Chinese names of roles and kinds of PM in a query (`模形PM` → `模型PM`). */
export interface HanTypoCorrector {
  /** The normalized query with each unknown Han word that is one character off one known name replaced. */
  correct(normalized: string): string;
}

/** Names of 2–6 Han characters, maybe with a Latin tail (`模型pm`): a one-character word has no typo. */
const NAME = /^\p{Script=Han}{2,6}[a-z]*$/u;
/** The typed word right before a role word (`增涨` in `增涨PM`): 2–4 Han characters. */
const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 4;
const HAN = /\p{Script=Han}/u;
const WILDCARD = '\u0000';

/** The word with one Han character blanked, once per Han character. */
function wildcards(word: string): string[] {
  const characters = Array.from(word);
  return characters.flatMap((blank, index) =>
    HAN.test(blank)
      ? [characters.map((character, at) => (at === index ? WILDCARD : character)).join('')]
      : [],
  );
}

/** A name holds no stopword character (`一`, `的`): `哪一种 PM` is a question, not a typo of a name. */
function hasFunctionWord(word: string): boolean {
  return Array.from(word).some((character) => isStopword(character));
}

/** True when any two adjacent characters of the word never occur together in the corpus. */
function hasUnknownPair(word: string, knows: (token: string) => boolean): boolean {
  const characters = Array.from(word);
  return characters.slice(1).some((character, index) => !knows(`${characters[index]}${character}`));
}

/**
 * Finds the one name a word is a typo of: names of roles and kinds of PM (what stands right before `PM`),
 * indexed by each one-character blank; a kind of PM breaks a tie with a role (平台 over a team role).
 */
function createNameFinder(matcher: GlossaryMatcher): (word: string) => string | undefined {
  const names = new Map<string, Set<string>>();
  const tracks = new Set<string>();
  for (const { compact, term } of matcher.hanTerms) {
    const person = term.groups.some((group) => group.role || group.track);
    if (!person || !NAME.test(compact)) continue;
    for (const key of wildcards(compact)) names.set(key, (names.get(key) ?? new Set()).add(compact));
    if (term.groups.some((group) => group.track)) tracks.add(compact);
  }
  return (word) => {
    const found = new Set<string>();
    for (const key of wildcards(word))
      for (const name of names.get(key) ?? []) if (name !== word) found.add(name);
    const kinds = [...found].filter((name) => tracks.has(name));
    if (found.size === 1) return [...found][0];
    return kinds.length === 1 ? kinds[0] : undefined;
  };
}

/**
 * A corrector for typos in the name right before a role word (`增涨PM`, `模形产品经理`): a Chinese input
 * method swaps one character for a homophone. Only names of roles and kinds of PM (增长, 模型型, 平台) are
 * targets (an aspect such as 抢手 would turn `新手PM` into a question about demand), and only a word that no
 * glossary term explains, holding a character pair the corpus never has and no function character, is
 * corrected, when exactly one name is one character away (alone or with the role word: `模形pm` → `模型pm`),
 * so real words are never rewritten.
 */
export function createHanTypoCorrector(input: {
  matcher: GlossaryMatcher;
  knows: (token: string) => boolean;
}): HanTypoCorrector {
  const { matcher, knows } = input;
  const nameFor = createNameFinder(matcher);
  const correct = (normalized: string): string => {
    const explained = matchGlossary(matcher, normalized);
    const free = (start: number, end: number) =>
      explained.every((match) => match.end <= start || match.start >= end);
    let corrected = normalized;
    for (const role of explained.filter((match) => match.term.groups.some((group) => group.role))) {
      const before = /(\p{Script=Han}+)\s*$/u.exec(normalized.slice(0, role.start))?.[1] ?? '';
      const roleText = normalized.slice(role.start, role.end).replace(/\s+/g, '');
      for (let length = Math.min(MAX_WORD_LENGTH, before.length); length >= MIN_WORD_LENGTH; length--) {
        const word = before.slice(before.length - length);
        const start = normalized.slice(0, role.start).trimEnd().length - length;
        if (!free(start, start + length) || !hasUnknownPair(word, knows) || hasFunctionWord(word)) continue;
        const name = nameFor(word) ?? nameFor(word + roleText)?.slice(0, length);
        if (!name) continue;
        corrected = corrected.slice(0, start) + name + corrected.slice(start + length);
        break;
      }
    }
    return corrected;
  };
  return { correct };
}
