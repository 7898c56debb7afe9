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

const HAN = /\p{Script=Han}/u;

/** Latin words are adjacent only when no Han text stands between them: `AI 应用 PM` is not `ai pm`. */
function isContiguous(normalized: string, span: Array<{ start: number; end: number }>): boolean {
  return span.every((atom, offset) => {
    const previous = span[offset - 1];
    return !previous || !HAN.test(normalized.slice(previous.end, atom.start));
  });
}

function findLatinTerms(table: TermTable, normalized: string): TermMatch[] {
  const atoms = latinAtoms(normalized);
  const matches: TermMatch[] = [];
  atoms.forEach((first, index) => {
    for (const candidate of table.latinTerms.get(first.atom) ?? []) {
      const span = atoms.slice(index, index + candidate.atoms.length);
      if (span.length !== candidate.atoms.length || !isContiguous(normalized, span)) continue;
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

/** Where the plain words of a cue table (negations, `with`, `跟`) occur in a normalized query. */
export function findCueWords(table: TermTable, normalized: string): TermMatch[] {
  return [...findHanTerms(table, normalized), ...findLatinTerms(table, normalized)];
}

/** True when only a few function words (`a`, `any`, `什么`) stand between a cue and its term. */
export function onlyGlueBetween(text: string): boolean {
  if (CLAUSE_BREAK.test(text)) return false;
  const words = splitPieces(text).flatMap((piece) =>
    piece.kind === 'han' ? segmentHan(piece.text).map((segment) => segment.text) : [piece.text],
  );
  return words.length <= CUE_REACH && words.every((word) => isStopword(word));
}

function rewrittenTerm(text: string, group: SynonymGroup): GlossaryTerm {
  return { text, key: '', groups: [group], filler: false, scope: groupScope([group]) };
}

/** The span a cue right before the match (or a follower cue right after it) rewrites, if any. */
function cuedSpan(
  match: TermMatch,
  cues: { before: TermMatch[]; after: TermMatch[] },
  normalized: string,
): { start: number; end: number } | undefined {
  const before = cues.before
    .filter((entry) => entry.end <= match.start && onlyGlueBetween(normalized.slice(entry.end, match.start)))
    .sort((left, right) => right.end - left.end)[0];
  if (before) return { start: before.start, end: match.end };
  // A follower may start another match (`转行`): the rewrite keeps the term's own span so both stay.
  const after = cues.after.some(
    (entry) => entry.start >= match.end && onlyGlueBetween(normalized.slice(match.end, entry.start)),
  );
  return after ? { start: match.start, end: match.end } : undefined;
}

/**
 * Reads `not technical`, `without a CS degree`, `没有计算机背景` as the set that means their negation
 * (non-cs), and `as a backend engineer`, `我是程序员`, `程序员转 AI 产品` as the asker's background
 * (technical): a cue shortly before (or a follower right after) a listed term turns the two into one match
 * of the set the cue and term mean together.
 */
function applyRewrites(matcher: GlossaryMatcher, normalized: string, matches: TermMatch[]): TermMatch[] {
  let result = matches;
  for (const { cues, followers, into } of matcher.rewrites) {
    if (into.size === 0) continue;
    const found = {
      before: findCueWords(cues, normalized),
      after: followers ? findCueWords(followers, normalized) : [],
    };
    result = result.map((match) => {
      const group = match.term.groups.map((entry) => into.get(entry.id)).find((entry) => entry);
      if (!group || match.term.key === '') return match;
      const span = cuedSpan(match, found, normalized);
      if (!span) return match;
      return { term: rewrittenTerm(normalized.slice(span.start, span.end), group), ...span };
    });
  }
  // The cue is part of the phrase now: `我是` in `我是程序员` no longer asks about a background of its own.
  const phrases = result.filter((match) => match.term.key === '');
  return result.filter(
    (match) =>
      match.term.key === '' ||
      !phrases.some((phrase) => phrase.start <= match.start && match.end <= phrase.end),
  );
}

/**
 * Finds glossary, generic and filler terms in a normalized query: the non-overlapping set that explains
 * the most of it, so `hiring demand` wins over `demand`, `数据闭环` over `数据`, and `non-technical
 * background` splits as non-technical + background; a negated or self-described term becomes the set the
 * phrase means (see `applyRewrites`); a superlative inside or fused into a match is added on its own
 * (see `innerSuperlatives`). Returns them in query order.
 */
export function matchGlossary(matcher: GlossaryMatcher, normalized: string): TermMatch[] {
  const candidates = [...findHanTerms(matcher, normalized), ...findLatinTerms(matcher, normalized)];
  const cover = bestCover(candidates);
  return [...applyRewrites(matcher, normalized, cover), ...innerSuperlatives(candidates, cover)].sort(
    (left, right) => left.start - right.start,
  );
}

/**
 * Superlatives inside a longer match (`most` in `most openings`, `最多` in `招人最多`) or fused with another
 * meaning (`easiest` = easy + most): the phrase names the topic, the superlative asks which section ranks
 * it highest, so both count, the superlative as a match of its own.
 */
function innerSuperlatives(candidates: TermMatch[], cover: TermMatch[]): TermMatch[] {
  const superlativeOnly = (match: TermMatch): TermMatch => ({
    ...match,
    term: { ...match.term, groups: match.term.groups.filter((group) => group.superlative) },
  });
  const inner = candidates.filter(
    (candidate) =>
      candidate.term.groups.some((group) => group.superlative) &&
      cover.some(
        (match) =>
          match.start <= candidate.start && candidate.end <= match.end && match.term !== candidate.term,
      ),
  );
  const fused = cover.filter(
    (match) =>
      match.term.groups.some((group) => group.superlative) &&
      match.term.groups.some((group) => !group.superlative),
  );
  return [...inner, ...fused].map(superlativeOnly);
}
