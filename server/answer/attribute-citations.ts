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

interface ScoredUnit {
  span: TextSpan;
  terms: Set<string>;
}

/** The passage's units with their terms, computed once however many sentences cite it. */
function scoredUnits(citation: Citation): ScoredUnit[] {
  return parseTextUnits(citation.text).map((unit) => ({
    span: { start: unit.start, end: unit.end },
    terms: answerTerms(unit.plain),
  }));
}

/** The unit that best supports a sentence, by shared terms; undefined when none shares any. */
function bestSpan(units: ScoredUnit[], sentenceTerms: Set<string>): TextSpan | undefined {
  let best: { span: TextSpan; score: number } | undefined;
  for (const unit of units) {
    const score = overlapScore(sentenceTerms, unit.terms);
    if (score > 0 && (!best || score > best.score)) best = { span: unit.span, score };
  }
  return best?.span;
}

/** The distinct sentences citing each passage number, in answer order: one pass over the answer. */
function sentencesByPassage(answer: string): Map<number, Set<string>> {
  const citing = new Map<number, Set<string>>();
  for (const sentence of citedSentences(answer)) {
    for (const n of sentence.cited) {
      const texts = citing.get(n) ?? new Set<string>();
      texts.add(sentence.text);
      citing.set(n, texts);
    }
  }
  return citing;
}

/**
 * Fills `citedBy` (the answer sentences citing each passage) and `highlights` (the passage lines that best
 * match those sentences). Every passage stays in the list so numbering is stable; uncited ones stay empty.
 * Linear in the answer's length: one pass splits it, each distinct sentence's terms are computed once, and
 * each cited passage is parsed once.
 */
export function attributeCitations(answer: string, citations: Citation[]): Citation[] {
  const citing = sentencesByPassage(answer);
  const termsOf = new Map<string, Set<string>>();
  const sentenceTerms = (sentence: string) => {
    const known = termsOf.get(sentence);
    if (known) return known;
    const terms = answerTerms(sentence);
    termsOf.set(sentence, terms);
    return terms;
  };
  return citations.map((citation) => {
    const sentences = [...(citing.get(citation.n) ?? [])];
    const units = sentences.length > 0 ? scoredUnits(citation) : [];
    const spans = new Map<string, TextSpan>();
    for (const sentence of sentences) {
      const span = bestSpan(units, sentenceTerms(sentence));
      if (span) spans.set(`${span.start}:${span.end}`, span);
    }
    return {
      ...citation,
      citedBy: sentences,
      highlights: [...spans.values()].sort((left, right) => left.start - right.start),
    };
  });
}
