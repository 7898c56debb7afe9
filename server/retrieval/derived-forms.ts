/**
 * English derivational morphology for matching dictionary glosses to a corpus's words. The stemmer conflates
 * inflections (`metric` ~ `metrics`) but not every derivation: `collect` / `collection`, `deploy` /
 * `deployment`, `fail` / `failure`, `deep` / `depth` stem apart, so a dictionary that glosses 深度 as "depth"
 * never meets a corpus that writes "deep". These are English's regular suffix pairs (verb or adjective →
 * noun), each read both ways, and the closed class of adjectives whose noun changes its vowel.
 */

/** [the base's ending, the derived word's ending]: `collect` + `ion`, `fail` + `ure`, `satisf|y` → `|action`. */
const SUFFIX_PAIRS: ReadonlyArray<readonly [base: string, derived: string]> = [
  ['', 'ion'],
  ['e', 'ion'],
  ['', 'ation'],
  ['e', 'ation'],
  ['', 'ment'],
  ['', 'ure'],
  ['e', 'ure'],
  ['', 'ance'],
  ['', 'ence'],
  ['y', 'ication'],
  ['y', 'action'],
  ['ze', 'sis'],
  ['de', 'sion'],
  ['t', 'sion'],
  ['', 'th'],
];

/** Adjectives whose abstract noun is not the adjective plus an ending. */
const IRREGULAR: ReadonlyArray<readonly [string, string]> = [
  ['deep', 'depth'],
  ['long', 'length'],
  ['strong', 'strength'],
  ['wide', 'width'],
  ['broad', 'breadth'],
  ['high', 'height'],
  ['true', 'truth'],
  ['young', 'youth'],
];

/** Shorter words are too often something else with an ending (`be` → `bent`, `on` → `onion`). */
const MIN_BASE_LETTERS = 4;

/**
 * The words derived from an English word and the words it is derived from (`collect` → `collection`,
 * `deployment` → `deploy`, `depth` → `deep`). Candidates only: a caller keeps those its dictionary knows and
 * its corpus holds. Never the word itself.
 */
export function derivedForms(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const found = new Set<string>();
  for (const [base, derived] of SUFFIX_PAIRS) {
    if (word.endsWith(base) && word.length >= MIN_BASE_LETTERS)
      found.add(`${word.slice(0, word.length - base.length)}${derived}`);
    const root = word.slice(0, word.length - derived.length);
    if (word.endsWith(derived) && root.length + base.length >= MIN_BASE_LETTERS) found.add(`${root}${base}`);
  }
  for (const [adjective, noun] of IRREGULAR) {
    if (word === adjective) found.add(noun);
    if (word === noun) found.add(adjective);
  }
  found.delete(word);
  return [...found];
}
