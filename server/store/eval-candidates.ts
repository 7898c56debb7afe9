import { createHash } from 'node:crypto';
import { detectLanguage } from '../answer/detect-language.js';
import type { FeedbackReason } from '../contract.js';
import type { EvalCandidate } from './feedback-store.js';

/**
 * The key that groups repeated questions: "What is an AI PM?" and "what is an ai pm" are one gap.
 * NFKC folds full-width characters so `？` and `?` agree.
 */
export function normalizeQuestion(question: string): string {
  const folded = question.normalize('NFKC').toLowerCase();
  const words = folded
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A question made only of symbols ("???") still needs a non-empty key of its own.
  return words || folded.trim();
}

/** Stable across exports, so a reviewer can diff two exports and dedupe against the golden set. */
export function gapCandidateId(normalizedQuestion: string): string {
  return `gap-${createHash('sha256').update(normalizedQuestion).digest('hex').slice(0, 12)}`;
}

export interface DownRatedFeedback {
  id: string;
  question: string;
  mode: string;
  reasons: FeedbackReason[];
  comment: string | null;
  citationIds: string[];
}

/**
 * A 👎 answer becomes a candidate whose expected sections are the ones it cited: the reviewer corrects them.
 * "off-topic" means the corpus should have declined, so the cited sections move to the note instead.
 */
export function candidateFromFeedback(feedback: DownRatedFeedback): EvalCandidate {
  const cited = [...new Set(feedback.citationIds)];
  const offTopic = feedback.reasons.includes('off-topic');
  const noteParts = [`down-rated in ${feedback.mode} mode`];
  if (feedback.reasons.length > 0) noteParts.push(`reasons: ${feedback.reasons.join(', ')}`);
  if (feedback.comment) noteParts.push(`comment: ${JSON.stringify(feedback.comment)}`);
  if (offTopic && cited.length > 0) noteParts.push(`cited: ${cited.join(', ')}`);
  return {
    id: `fb-${feedback.id}`,
    question: feedback.question,
    lang: detectLanguage(feedback.question),
    expected: offTopic ? [] : cited,
    offTopic,
    reviewed: false,
    source: 'feedback',
    note: noteParts.join('; '),
  };
}

export interface GroupedGap {
  normalizedQuestion: string;
  /** The most recent wording of the question. */
  question: string;
  count: number;
  nearestIds: string[];
}

/** A question the corpus did not cover: by default the golden set expects it to be declined. */
export function candidateFromGap(gap: GroupedGap): EvalCandidate {
  const noteParts = [`not covered; asked ${gap.count} time${gap.count === 1 ? '' : 's'}`];
  if (gap.nearestIds.length > 0) noteParts.push(`nearest: ${gap.nearestIds.join(', ')}`);
  return {
    id: gapCandidateId(gap.normalizedQuestion),
    question: gap.question,
    lang: detectLanguage(gap.question),
    expected: [],
    offTopic: true,
    reviewed: false,
    source: 'gap',
    note: noteParts.join('; '),
  };
}

/** One JSONL line with the golden set's key order, so exported files diff cleanly against it. */
export function toGoldenLine(candidate: EvalCandidate): string {
  const { id, question, lang, expected, offTopic, reviewed, source, note } = candidate;
  return JSON.stringify({ id, question, lang, expected, offTopic, reviewed, source, note });
}
