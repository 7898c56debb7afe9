import type { SearchResult } from '../contract.js';
import type { Retriever } from '../retrieval/types.js';
import { answerTerms, termWeight } from './answer-terms.js';
import { sectionHeadings, sectionLabel } from './section-label.js';

/** How many of the follow-up's own results may be considered as the section it continues into. */
const CANDIDATES = 10;

/** Headings two sections share below the document title: the role, the aspect, or both. */
function sharedHeadings(left: SearchResult, right: SearchResult): number {
  const rightHeadings = new Set(sectionHeadings(right).slice(-2));
  return sectionHeadings(left)
    .slice(-2)
    .filter((heading) => rightHeadings.has(heading)).length;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * Whether the follow-up names something in Chinese that none of its own results contains ("红烧肉怎么做？"):
 * then it is a new question the corpus may not cover, and gluing it to the previous section would answer
 * it with that section. Only Chinese words are judged, because the corpus is Chinese; English words reach
 * it through the retriever's glossary.
 */
function namesWhatCorpusLacks(followUp: string, results: SearchResult[]): boolean {
  const ownWords = [...answerTerms(followUp)].filter((term) => HAN_ONLY.test(term) && termWeight(term) === 1);
  if (ownWords.length === 0) return false;
  const mentions = (result: SearchResult) =>
    ownWords.some(
      (word) => result.text.includes(word) || result.headings.some((heading) => heading.includes(word)),
    );
  return !results.some(mentions);
}

function labelQuery(section: SearchResult, followUp: string): string {
  return `${sectionLabel(section).replace(/ › /g, ' ')} ${followUp}`.trim();
}

/**
 * Resolves a follow-up against the section the previous question landed on, using the corpus's own heading
 * structure instead of a vocabulary: "那平台型的呢？" after "模型型…的日常工作" searches its own words, and of
 * the sections it finds picks the one sharing the most headings with the previous one (平台 › 日常工作). With no
 * words of its own ("那它呢？") it inherits the previous section; with strong results sharing nothing, or with
 * Chinese words no result contains, it is a new topic.
 * Returns the query to retrieve with.
 */
export async function condenseBySections(
  retriever: Retriever,
  previousQuestion: string,
  followUp: string,
): Promise<string> {
  const [previous] = (await retriever.search(previousQuestion, { limit: 1 })).results;
  if (!previous) return `${previousQuestion} ${followUp}`;
  const own = await retriever.search(followUp, { limit: CANDIDATES });
  if (namesWhatCorpusLacks(followUp, own.results)) return followUp;
  let best: { section: SearchResult; shared: number } | undefined;
  for (const section of own.results) {
    const shared = sharedHeadings(previous, section);
    if (shared > (best?.shared ?? 0)) best = { section, shared };
  }
  if (best) return labelQuery(best.section, followUp);
  // Nothing in common with the previous section: a new topic if it stands on its own, else more of the same.
  return own.answerable ? followUp : labelQuery(previous, followUp);
}
