import {
  type GlossaryMatcher,
  type GlossaryTerm,
  latinAtoms,
  type SynonymGroup,
  type TermTable,
} from './glossary.js';
import { groupScope } from './term-scope.js';
import { isStopword, segmentHan, splitPieces } from './tokenizer.js';

/** A glossary term found in a query, as a range of the normalized query. */
export interface TermMatch {
  term: GlossaryTerm;
  start: number;
  end: number;
}

/** At most this many glue words may stand between a cue and its term: `no real technical background`. */
const CUE_REACH = 3;
/** Punctuation ends a cue's reach: `not sure, but technical skills…` negates nothing. */
const CLAUSE_BREAK = /[,.;:!?，。；：！？、]/u;

function findHanTerms(table: TermTable, normalized: string): TermMatch[] {
  const positions: number[] = [];
  let compact = '';
  for (let index = 0; index < normalized.length; index++) {
    const character = normalized[index] ?? '';
    if (/\s/.test(character)) continue;
    compact += character;
    positions.push(index);
  }
  const matches: TermMatch[] = [];
  for (const { compact: key, term } of table.hanTerms) {
    for (let at = compact.indexOf(key); at !== -1; at = compact.indexOf(key, at + 1)) {
      const start = positions[at] ?? 0;
      const end = (positions[at + key.length - 1] ?? start) + 1;
      matches.push({ term, start, end });
    }
  }
  return matches;
}

function findLatinTerms(table: TermTable, normalized: string): TermMatch[] {
  const atoms = latinAtoms(normalized);
  const matches: TermMatch[] = [];
  atoms.forEach((first, index) => {
    for (const candidate of table.latinTerms.get(first.atom) ?? []) {
      const span = atoms.slice(index, index + candidate.atoms.length);
      if (span.length !== candidate.atoms.length) continue;
      if (span.every((atom, offset) => atom.atom === candidate.atoms[offset])) {
        matches.push({ term: candidate.term, start: first.start, end: span.at(-1)?.end ?? first.end });
      }
    }
  });
  return matches;
}

/** How much of the query a match explains: filler counts half, so `好找工作` beats `最好` in `最好找工作`. */
function matchValue(match: TermMatch): number {
  return (match.end - match.start) * (match.term.filler ? 0.5 : 1);
}

/**
 * The non-overlapping matches that explain the most of the query (weighted interval scheduling); on a tie,
 * fewer and so longer matches win (`最近` as one word, not 最 + 近).
 */
function bestCover(candidates: TermMatch[]): TermMatch[] {
  const sorted = [...candidates].sort((left, right) => left.end - right.end || left.start - right.start);
  // best[i]: the best selection among the first i candidates (by end offset).
  const best: Array<{ value: number; picked: TermMatch[] }> = [{ value: 0, picked: [] }];
  sorted.forEach((candidate, index) => {
    let compatible = index;
    while (compatible > 0 && (sorted[compatible - 1]?.end ?? 0) > candidate.start) compatible -= 1;
    const base = best[compatible] ?? { value: 0, picked: [] };
    const withCandidate = { value: base.value + matchValue(candidate), picked: [...base.picked, candidate] };
    const without = best[index] ?? { value: 0, picked: [] };
    const better =
      withCandidate.value > without.value ||
      (withCandidate.value === without.value && withCandidate.picked.length < without.picked.length);
    best.push(better ? withCandidate : without);
  });
  return best.at(-1)?.picked ?? [];
}

/** True when only a few function words (`a`, `any`, `什么`) stand between a cue and its term. */
function onlyGlueBetween(text: string): boolean {
  if (CLAUSE_BREAK.test(text)) return false;
  const words = splitPieces(text).flatMap((piece) =>
    piece.kind === 'han' ? segmentHan(piece.text).map((segment) => segment.text) : [piece.text],
  );
  return words.length <= CUE_REACH && words.every((word) => isStopword(word));
}

function rewrittenTerm(text: string, group: SynonymGroup): GlossaryTerm {
  return { text, key: '', groups: [group], filler: false, scope: groupScope([group]) };
}

/**
 * Reads `not technical`, `without a CS degree`, `没有计算机背景` as the set that means their negation
 * (non-cs), and `as a backend engineer`, `我是程序员` as the asker's background (technical): a cue shortly
 * before a listed term turns the two into one match of the set the cue and term mean together.
 */
function applyRewrites(matcher: GlossaryMatcher, normalized: string, matches: TermMatch[]): TermMatch[] {
  let result = matches;
  for (const { cues, into } of matcher.rewrites) {
    if (into.size === 0) continue;
    const found = [...findHanTerms(cues, normalized), ...findLatinTerms(cues, normalized)];
    result = result.map((match) => {
      const group = match.term.groups.map((entry) => into.get(entry.id)).find((entry) => entry);
      if (!group || match.term.key === '') return match;
      const cue = found
        .filter(
          (entry) => entry.end <= match.start && onlyGlueBetween(normalized.slice(entry.end, match.start)),
        )
        .sort((left, right) => right.end - left.end)[0];
      if (!cue) return match;
      const span = { start: cue.start, end: match.end };
      return { term: rewrittenTerm(normalized.slice(span.start, span.end), group), ...span };
    });
  }
  return result;
}

/**
 * Finds glossary, generic and filler terms in a normalized query: the non-overlapping set that explains
 * the most of it, so `hiring demand` wins over `demand`, `数据闭环` over `数据`, and `non-technical
 * background` splits as non-technical + background; a negated or self-described term becomes the set the
 * phrase means (see `applyRewrites`). Returns them in query order.
 */
export function matchGlossary(matcher: GlossaryMatcher, normalized: string): TermMatch[] {
  const candidates = [...findHanTerms(matcher, normalized), ...findLatinTerms(matcher, normalized)];
  return applyRewrites(matcher, normalized, bestCover(candidates));
}
