import { refersBack, withoutReferences } from '../retrieval/text.js';
import { scriptCounts } from './detect-language.js';

/** Openers that lean on the previous turn: "那手冲的呢？", "and what about their cost?". */
const ELLIPTICAL_OPENER =
  /^\s*(?:那么?|还有|另外|那如果|and\b|also\b|what about\b|how about\b|and what about\b|what of\b|same for\b)/i;
const TRAILING_NE = /呢[？?\s]*$/;

/** A follow-up too short to stand alone: a few characters or words. */
function isFragment(question: string): boolean {
  const { han, latinWords } = scriptCounts(question);
  return han + latinWords * 2 <= 6;
}

/**
 * Whether a question reads as a continuation of the previous turn rather than a question of its own: an
 * elliptical opener (那 / 还有 / and / what about), a pronoun (they, their, 他们, 它, 这个方向), a bare "…呢？",
 * or a fragment.
 */
export function looksElliptical(question: string): boolean {
  return (
    ELLIPTICAL_OPENER.test(question) ||
    refersBack(question) ||
    (TRAILING_NE.test(question) && scriptCounts(question).han <= 12) ||
    isFragment(question)
  );
}

/** What a follow-up asks in its own words: without its opener, pronouns and trailing "呢". */
export function followUpOwnWords(question: string): string {
  return withoutReferences(question.replace(ELLIPTICAL_OPENER, ' '))
    .replace(TRAILING_NE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
