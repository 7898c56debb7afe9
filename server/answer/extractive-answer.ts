import type { Citation, SearchResult } from '../contract.js';
import { answerTerms, overlapScore } from './answer-terms.js';
import { type AnswerLanguage, detectLanguage } from './detect-language.js';
import { parseTextUnits, type TextUnit } from './markdown-units.js';
import { sectionHeadings, sectionLabel } from './section-label.js';

export interface ExtractiveAnswerInput {
  question: string;
  results: SearchResult[];
  answerable: boolean;
}

export interface ExtractiveAnswer {
  /** Markdown with a [n] after every quoted unit. */
  text: string;
  citations: Citation[];
  notCovered: boolean;
  nearest: SearchResult[];
}

export interface ExtractiveAnswerOptions {
  /** Replaces the "From the corpus (search mode, no LLM):" line; '' leaves it out. */
  leadIn?: string;
}

interface Evidence {
  result: SearchResult;
  units: TextUnit[];
  relevance: number;
}

const PASSAGES_CONSIDERED = 4;
const MAX_UNITS = 8;
const MAX_UNITS_PER_PASSAGE = 8;
const NEAREST_COUNT = 3;
/**
 * A lower-ranked passage joins the answer only when it is nearly as relevant as the best one, both by the
 * question's own words and by the retriever's score (which also knows synonyms such as 飞轮 = flywheel).
 */
const SECONDARY_RELEVANCE = 0.75;
const SECONDARY_SCORE = 0.7;
/** Within a passage, units scoring at least this share of the best unit are quoted. */
const UNIT_RELEVANCE = 0.5;
/**
 * A section this short is one thought (a role's three 需求量 bullets): quoting only the matching bullet
 * ("最高") would strip the context that makes it an answer.
 */
const WHOLE_SECTION_UNITS = 3;

const LEAD_IN: Record<AnswerLanguage, string> = {
  zh: '根据资料库（搜索模式，未调用大模型）：',
  en: 'From the corpus (search mode, no LLM):',
};
/** An English reader should know why the quotes that follow are not in English. */
const LEAD_IN_QUOTING_CHINESE = 'From the corpus (search mode, no LLM), quoted in the original Chinese:';
const HAN = /\p{Script=Han}/u;

const NOT_COVERED: Record<AnswerLanguage, { withNearest: string; alone: string }> = {
  zh: {
    withNearest: '资料库中没有能回答这个问题的内容。最接近的章节是：',
    alone: '资料库中没有能回答这个问题的内容，也没有相近的章节。',
  },
  en: {
    withNearest: 'The corpus does not cover this question. The closest sections are:',
    alone: 'The corpus does not cover this question, and no section comes close.',
  },
};

/**
 * Scores a passage's units by the question terms its headings do not already explain: when the headings
 * answer the question ("…的日常工作"), every unit of the section is relevant; otherwise the matching units are.
 */
function weighPassage(result: SearchResult, queryTerms: Set<string>): Evidence {
  const units = parseTextUnits(result.text);
  const headingTerms = answerTerms(sectionHeadings(result).slice(-2).join(' '));
  const residual = new Set([...queryTerms].filter((term) => !headingTerms.has(term)));
  const scored = units.map((unit) => ({ unit, score: overlapScore(residual, answerTerms(unit.plain)) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  const picked =
    best >= 1 && units.length > WHOLE_SECTION_UNITS
      ? scored
          .filter((entry) => entry.score >= best * UNIT_RELEVANCE)
          .sort((left, right) => right.score - left.score)
          .slice(0, MAX_UNITS_PER_PASSAGE)
          .map((entry) => entry.unit)
          .sort((left, right) => left.start - right.start)
      : units.slice(0, MAX_UNITS_PER_PASSAGE);
  return { result, units: picked, relevance: overlapScore(queryTerms, headingTerms) + best };
}

/** The retriever's best passage always speaks; others only when nearly as relevant. */
function selectEvidence(question: string, results: SearchResult[]): Evidence[] {
  const queryTerms = answerTerms(question);
  const weighed = results
    .slice(0, PASSAGES_CONSIDERED)
    .map((result) => weighPassage(result, queryTerms))
    .filter((evidence) => evidence.units.length > 0);
  const bestRelevance = Math.max(0, ...weighed.map((evidence) => evidence.relevance));
  const topScore = weighed[0]?.result.score ?? 0;
  const chosen = weighed.filter(
    ({ relevance, result }, index) =>
      index === 0 ||
      (relevance > 0 &&
        relevance >= bestRelevance * SECONDARY_RELEVANCE &&
        (topScore <= 0 || result.score >= topScore * SECONDARY_SCORE)),
  );
  let budget = MAX_UNITS;
  const capped: Evidence[] = [];
  for (const evidence of chosen) {
    if (budget === 0) break;
    capped.push({ ...evidence, units: evidence.units.slice(0, budget) });
    budget -= Math.min(budget, evidence.units.length);
  }
  return capped;
}

/** A table row reads as "维度 — 传统 PM：用户需求；AI PM：模型能力 + 用户需求". */
function unitText(unit: TextUnit, language: AnswerLanguage): string {
  if (unit.kind !== 'row' || !unit.cells) return unit.plain;
  const [first = '', ...rest] = unit.cells;
  const [colon, semicolon] = language === 'zh' ? ['：', '；'] : [': ', '; '];
  const pairs = rest.map((cell, index) => {
    const name = unit.header?.[index + 1];
    return name ? `${name}${colon}${cell}` : cell;
  });
  return pairs.length > 0 ? `${first} — ${pairs.join(semicolon)}` : first;
}

function notCoveredAnswer(language: AnswerLanguage, results: SearchResult[]): ExtractiveAnswer {
  const nearest = results.slice(0, NEAREST_COUNT);
  const labels = nearest.map((result) => `- ${sectionLabel(result)}`);
  const opening = NOT_COVERED[language][nearest.length > 0 ? 'withNearest' : 'alone'];
  return { text: [opening, ...labels].join('\n'), citations: [], notCovered: true, nearest };
}

/**
 * The search-mode answer: the most relevant bullets, rows and sentences of the top passages, grouped under
 * their section, each followed by its [n]; or, when the corpus does not cover the question, an honest
 * "not covered" with the nearest sections and no citations. Pure: the eval calls it directly.
 */
export function buildExtractiveAnswer(
  input: ExtractiveAnswerInput,
  options: ExtractiveAnswerOptions = {},
): ExtractiveAnswer {
  const language = detectLanguage(input.question);
  const evidence = input.answerable ? selectEvidence(input.question, input.results) : [];
  if (evidence.length === 0) return notCoveredAnswer(language, input.results);
  const quotesChinese = evidence.some(({ units }) => units.some((unit) => HAN.test(unit.plain)));
  const leadIn =
    options.leadIn ?? (language === 'en' && quotesChinese ? LEAD_IN_QUOTING_CHINESE : LEAD_IN[language]);
  const lines = leadIn === '' ? [] : [leadIn, ''];
  const citations = evidence.map(({ result, units }, index): Citation => {
    const n = index + 1;
    const sentences = units.map((unit) => unitText(unit, language));
    if (index > 0) lines.push('');
    lines.push(`**${sectionLabel(result)}**`, ...sentences.map((sentence) => `- ${sentence} [${n}]`));
    return {
      ...result,
      n,
      highlights: units.map(({ start, end }) => ({ start, end })),
      citedBy: sentences,
    };
  });
  return { text: lines.join('\n'), citations, notCovered: false, nearest: [] };
}
