import type { TermMatch } from './match-glossary.js';
import { plainConcept, type QueryConcept, softConcept } from './query-concept.js';
import {
  isGlueBigram,
  isStopword,
  segmentHan,
  splitPieces,
  type TextPiece,
  wordPair,
  wordTokens,
} from './tokenizer.js';

interface HanUnit {
  text: string;
  start: number;
  end: number;
}

function overlaps(start: number, end: number, matches: TermMatch[]): boolean {
  return matches.some((match) => start < match.end && end > match.start);
}

/**
 * Concepts of a Han run's leftover ICU words: multi-character words stand alone; consecutive single
 * characters that ICU split off (评|测, 飞|轮) are joined back into one concept; a lone character is noise.
 */
function hanConcepts(units: HanUnit[], generic: Set<string>): QueryConcept[] {
  const concepts: QueryConcept[] = [];
  let singles = '';
  const flush = () => {
    const concept = [...singles].length >= 2 ? plainConcept(singles, 'topic') : undefined;
    if (concept) concepts.push(concept);
    singles = '';
  };
  let previousEnd = -1;
  for (const unit of units) {
    if (unit.start !== previousEnd) flush();
    previousEnd = unit.end;
    if (isStopword(unit.text)) flush();
    else if ([...unit.text].length === 1) singles += unit.text;
    else {
      flush();
      const concept = plainConcept(unit.text, generic.has(unit.text) ? 'generic' : 'topic');
      if (concept) concepts.push(concept);
    }
  }
  flush();
  return concepts;
}

/** Latin words the glossary did not match, plus a soft concept for each adjacent pair (`model pm`). */
function wordConcepts(pieces: TextPiece[], normalized: string, generic: Set<string>): QueryConcept[] {
  const concepts: QueryConcept[] = [];
  pieces.forEach((piece, index) => {
    const tokens = [...new Set(wordTokens(piece.text))];
    const kind = generic.has(piece.text) || generic.has(tokens[0] ?? '') ? 'generic' : 'topic';
    const concept = plainConcept(piece.text, kind, tokens);
    if (concept) concepts.push(concept);
    const previous = pieces[index - 1];
    const pair = previous && wordPair(normalized, previous, piece);
    if (pair) concepts.push(softConcept(pair, [pair]));
  });
  return concepts;
}

/**
 * The character pairs where ICU cut a Han run (模型|强 → 型强): a soft concept that rewards sections
 * phrased like the question (`模型强，产品自然好`) without ever being required.
 */
function phraseConcept(segments: Array<{ text: string }>, generic: Set<string>): QueryConcept | undefined {
  const bigrams: string[] = [];
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    // 产品|经理 → 品经 says nothing a generic word does not.
    if (!next || (generic.has(segment.text) && generic.has(next.text))) return;
    const bigram = `${[...segment.text].at(-1) ?? ''}${[...next.text][0] ?? ''}`;
    if (!isGlueBigram(bigram)) bigrams.push(bigram);
  });
  return bigrams.length === 0 ? undefined : softConcept(`phrase:${bigrams.join(' ')}`, bigrams);
}

/** Concepts for the parts of a normalized query no glossary term matched. */
export function leftoverConcepts(
  normalized: string,
  matches: TermMatch[],
  generic: Set<string>,
): QueryConcept[] {
  const words: TextPiece[] = [];
  const concepts: QueryConcept[] = [];
  for (const piece of splitPieces(normalized)) {
    if (piece.kind === 'word') {
      if (!overlaps(piece.start, piece.end, matches)) words.push(piece);
      continue;
    }
    const segments = segmentHan(piece.text);
    const phrase = phraseConcept(segments, generic);
    if (phrase) concepts.push(phrase);
    const units = segments
      .map((segment) => ({ text: segment.text, start: piece.start + segment.start }))
      .map((segment) => ({ ...segment, end: segment.start + segment.text.length }))
      .filter((unit) => !overlaps(unit.start, unit.end, matches));
    concepts.push(...hanConcepts(units, generic));
  }
  return [...wordConcepts(words, normalized, generic), ...concepts];
}
