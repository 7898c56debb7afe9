import type { SearchResult, UnderstoodData } from '../contract.js';
import { hasHan } from '../retrieval/text.js';
import type { Retriever } from '../retrieval/types.js';
import { answerTerms, termWeight } from './answer-terms.js';
import { followUpOwnWords } from './follow-up.js';
import { sectionHeadings, sectionLabel } from './section-label.js';
import {
  headingName,
  isWithinSubject,
  type SectionSubject,
  sectionSubject,
  subjectsOf,
} from './section-subject.js';

/** How many of the follow-up's own results may be considered as the section it continues into. */
const CANDIDATES = 12;
/** A follow-up about "both of them" names at most this many subjects. */
const MAX_SUBJECTS = 3;

/** The previous turn as the follow-up sees it: its question and, when the client sent them, its citations. */
export interface PreviousTurn {
  question: string;
  /** Section ids the previous answer cited (already checked against the index); may be empty. */
  sectionIds: string[];
}

export interface SectionCondensation {
  query: string;
  /** How the follow-up was understood; absent when it turned out to be a question of its own. */
  understood?: UnderstoodData;
}

/** Headings two sections share below the document title: the role, the aspect, or both. */
function sharedHeadings(left: Pick<SearchResult, 'headings'>, right: SearchResult): number {
  const rightHeadings = new Set(sectionHeadings(right).slice(-2));
  return sectionHeadings(left)
    .slice(-2)
    .filter((heading) => rightHeadings.has(heading)).length;
}

/**
 * Whether the follow-up names something in Chinese that none of its own results contains ("红烧肉怎么做？"):
 * then it is a new question the corpus may not cover, and gluing it to the previous section would answer
 * it with that section. Only Chinese words are judged; English words reach Chinese text through translation.
 */
function namesWhatCorpusLacks(ownWords: string, results: SearchResult[]): boolean {
  const words = [...answerTerms(ownWords)].filter((term) => hasHan(term) && termWeight(term) === 1);
  if (words.length === 0) return false;
  const mentions = (result: SearchResult) =>
    words.some(
      (word) => result.text.includes(word) || result.headings.some((heading) => heading.includes(word)),
    );
  return !results.some(mentions);
}

function understood(subjects: SectionSubject[], aspect: string | null, query: string): SectionCondensation {
  return {
    query,
    understood: { subjects: subjects.map(({ label }) => label), aspect, query, method: 'sections' },
  };
}

/**
 * The sub-section of a subject the follow-up asks about: among its own results, one under the subject that
 * leads the list, names the follow-up's words in its heading, or repeats a heading ranked above it (the same
 * aspect of a sibling, reached through translation: "cost" → 成本).
 */
function aspectWithin(
  subject: SectionSubject,
  results: SearchResult[],
  ownWords: string,
): SearchResult | undefined {
  const ownTerms = answerTerms(ownWords);
  const namesAbove = new Set<string>();
  for (const [rank, result] of results.entries()) {
    const name = headingName(result.headings.at(-1) ?? '');
    const inside = isWithinSubject(subject, result.headings) && result.headings.length > subject.path.length;
    const headingTerms = answerTerms(name);
    const named = [...ownTerms].some((term) => headingTerms.has(term) && termWeight(term) === 1);
    if (inside && (rank === 0 || named || namesAbove.has(name))) return result;
    namesAbove.add(name);
  }
  return undefined;
}

/** The follow-up lands on the same aspect of a sibling it names ("那手冲的呢？" after another method's equipment). */
function siblingAspect(retriever: Retriever, previousId: string, results: SearchResult[], followUp: string) {
  const previous = retriever.section(previousId);
  if (!previous) return undefined;
  let best: { section: SearchResult; shared: number } | undefined;
  for (const section of results) {
    const shared = sharedHeadings(previous, section);
    if (shared > (best?.shared ?? 0)) best = { section, shared };
  }
  const landed = best && retriever.section(best.section.id);
  if (!best || !landed) return undefined;
  const subject = sectionSubject(landed);
  const aspect =
    subject.path.length < landed.headings.length ? headingName(landed.headings.at(-1) ?? '') : null;
  return understood(
    [subject],
    aspect,
    `${sectionLabel(best.section).replace(/ › /g, ' ')} ${followUp}`.trim(),
  );
}

/**
 * Resolves a follow-up to the previous turn's subject using the corpus's own heading structure, not a
 * vocabulary. The subject is what the previous answer's cited sections are about (their parent when they
 * are one aspect of it); the follow-up's own words pick the sub-section of that subject ("它的价格呢？"),
 * or the same aspect of a sibling they name ("那手冲的呢？"). With no words of its own ("那它呢？") it
 * inherits the subject; with strong results sharing nothing, or Chinese words no result contains, it is a
 * new topic and is searched as asked. Bounded: two searches.
 */
export async function condenseBySections(
  retriever: Retriever,
  previous: PreviousTurn,
  followUp: string,
): Promise<SectionCondensation> {
  const ids =
    previous.sectionIds.length > 0
      ? previous.sectionIds
      : (await retriever.search(previous.question, { limit: 1 })).results.map(({ id }) => id);
  const subjects = subjectsOf(retriever, ids).slice(0, MAX_SUBJECTS);
  const labels = subjects.map(({ label }) => label).join(' ');
  if (subjects.length === 0) return { query: `${previous.question} ${followUp}` };
  const ownWords = followUpOwnWords(followUp);
  if (answerTerms(ownWords).size === 0) return understood(subjects, null, `${labels} ${followUp}`);
  const own = await retriever.search(ownWords, { limit: CANDIDATES });
  if (namesWhatCorpusLacks(ownWords, own.results)) return { query: followUp };
  const aspects = subjects.map((subject) => aspectWithin(subject, own.results, ownWords));
  const aspect = aspects.find((found) => found !== undefined);
  if (aspect) {
    const name = headingName(aspect.headings.at(-1) ?? '');
    return understood(subjects, name, `${labels} ${name}`);
  }
  const sibling = ids[0] ? siblingAspect(retriever, ids[0], own.results, followUp) : undefined;
  if (sibling) return sibling;
  // Nothing in common with the previous subject: a new topic if it stands on its own, else more of the same.
  return own.answerable ? { query: followUp } : understood(subjects, ownWords, `${labels} ${ownWords}`);
}
