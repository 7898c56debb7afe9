import type { Citation, TextSpan } from '../contract.js';
import { answerTerms, overlapScore } from './answer-terms.js';
import { parseTextUnits } from './markdown-units.js';

/** A sentence of the answer with the markers that follow it ("…上线。[1][2]" keeps [1][2]). */
const ANSWER_SENTENCE = /[^。！？!?\n]*?(?:[。！？!?]+|\.(?=\s)|\n|$)(?:\s*\[\d+(?:\s*,\s*\d+)*\])*/g;
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

export interface CitedSentence {
  /** The sentence without markers or list/emphasis markup. */
  text: string;
  cited: number[];
}

/** Splits an answer into sentences and the passage numbers each cites. */
export function citedSentences(answer: string): CitedSentence[] {
  const sentences: CitedSentence[] = [];
  for (const [sentence] of answer.matchAll(ANSWER_SENTENCE)) {
    const cited = [...sentence.matchAll(MARKER)].flatMap((match) =>
      (match[1] ?? '').split(/\s*,\s*/).map(Number),
    );
    if (cited.length === 0) continue;
    const text = sentence
      .replace(MARKER, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/\*\*|__|`/g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s+([，。！？；：、,.!?;:])/g, '$1')
      .trim();
    if (text !== '') sentences.push({ text, cited: [...new Set(cited)] });
  }
  return sentences;
}

/** The unit of the passage that best supports a sentence, by shared terms; undefined when none shares any. */
function bestSpan(citation: Citation, sentence: string): TextSpan | undefined {
  const sentenceTerms = answerTerms(sentence);
  let best: { span: TextSpan; score: number } | undefined;
  for (const unit of parseTextUnits(citation.text)) {
    const score = overlapScore(sentenceTerms, answerTerms(unit.plain));
    if (score > 0 && (!best || score > best.score))
      best = { span: { start: unit.start, end: unit.end }, score };
  }
  return best?.span;
}

/**
 * Fills `citedBy` (the answer sentences citing each passage) and `highlights` (the passage lines that best
 * match those sentences). Every passage stays in the list so numbering is stable; uncited ones stay empty.
 */
export function attributeCitations(answer: string, citations: Citation[]): Citation[] {
  const sentences = citedSentences(answer);
  return citations.map((citation) => {
    const citing = sentences
      .filter((sentence) => sentence.cited.includes(citation.n))
      .map((cited) => cited.text);
    const spans = citing
      .map((sentence) => bestSpan(citation, sentence))
      .filter((span): span is TextSpan => span !== undefined);
    const unique = [...new Map(spans.map((span) => [`${span.start}:${span.end}`, span])).values()];
    return {
      ...citation,
      citedBy: [...new Set(citing)],
      highlights: unique.sort((left, right) => left.start - right.start),
    };
  });
}
