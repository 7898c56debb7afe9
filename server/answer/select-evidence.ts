import type { SearchResult } from '../contract.js';
import { answerLeads, type Lead } from './answer-lead.js';
import { answerTerms, overlapScore, termWeight } from './answer-terms.js';
import type { ExtractiveAnswerInput } from './extractive-answer.js';
import { parseTextUnits, type TextUnit } from './markdown-units.js';
import { questionForm } from './question-form.js';
import { sectionHeadings } from './section-label.js';
import { headingName, isAspectSection } from './section-subject.js';

/** A passage chosen to speak: the units it quotes, its strongest unit, how relevant it is. */
export interface Evidence {
  result: SearchResult;
  /** One aspect of its parent (a sub-heading every sibling has): the parent is its subject. */
  aspect: boolean;
  units: TextUnit[];
  allUnits: TextUnit[];
  strongest: TextUnit | undefined;
  relevance: number;
}

const PASSAGES_CONSIDERED = 4;
const MAX_UNITS = 8;
const MAX_UNITS_PER_PASSAGE = 8;
/**
 * A lower-ranked passage joins the answer only when it is nearly as relevant as the best one, both by the
 * question's own words and by the retriever's score (which also knows synonyms such as 飞轮 = flywheel).
 */
const SECONDARY_RELEVANCE = 0.75;
const SECONDARY_SCORE = 0.7;
/**
 * The passage matching most of the question's words, half again as many as the first passage, is held to a
 * lower score bar: the retriever ranked it lower for reasons (length, other terms) that do not make it
 * answer less.
 */
const BEST_RELEVANCE_MARGIN = 1.5;
const BEST_RELEVANCE_SCORE = 0.6;
/**
 * A sibling of the best passage (same parent, or the same sub-heading under another parent) that scores
 * close to it answers too: a question matching two siblings gets both, not only the first.
 */
const SIBLING_SCORE = 0.75;

/** Within a passage, units scoring at least this share of the best unit are quoted. */
const UNIT_RELEVANCE = 0.5;
/**
 * A section this short is one thought (a method's three 难度 bullets): quoting only the matching bullet
 * ("最高") would strip the context that makes it an answer.
 */
const WHOLE_SECTION_UNITS = 3;

/** A unit ending in a colon announces the next one ("The difference is:"): alone it says nothing. */
const ANNOUNCES = /[:：]\s*$/u;

/** The picked units, each announcing unit followed by the unit it announces; still at most a passage's share. */
function withContinuations(units: TextUnit[], picked: TextUnit[]): TextUnit[] {
  const chosen = new Set(picked);
  for (const unit of picked) {
    const next = units[units.indexOf(unit) + 1];
    if (next && ANNOUNCES.test(unit.plain)) chosen.add(next);
  }
  return [...chosen].slice(0, MAX_UNITS_PER_PASSAGE);
}

/**
 * Scores a passage's units by the question terms its headings do not already explain: when the headings
 * answer the question ("…的所需器具"), every unit of the section is relevant; otherwise the matching units are.
 */
function weighPassage(result: SearchResult, queryTerms: Set<string>, aspect: boolean): Evidence {
  const units = parseTextUnits(result.text);
  const headingTerms = answerTerms(sectionHeadings(result).slice(-2).join(' '));
  const residual = new Set([...queryTerms].filter((term) => !headingTerms.has(term)));
  const scored = units.map((unit) => ({ unit, score: overlapScore(residual, answerTerms(unit.plain)) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  const strongest = scored.find((entry) => entry.score === best)?.unit;
  const picked =
    best >= 1 && units.length > WHOLE_SECTION_UNITS
      ? withContinuations(
          units,
          scored
            .filter((entry) => entry.score >= best * UNIT_RELEVANCE)
            .sort((left, right) => right.score - left.score)
            .slice(0, MAX_UNITS_PER_PASSAGE)
            .map((entry) => entry.unit),
        ).sort((left, right) => left.start - right.start)
      : units.slice(0, MAX_UNITS_PER_PASSAGE);
  return {
    result,
    aspect,
    units: picked,
    allUnits: units,
    strongest,
    relevance: overlapScore(queryTerms, headingTerms) + best,
  };
}

/** Whether the question names a word of this heading that the other heading lacks: it chose this one. */
function namesOver(heading: string, other: string, questionTerms: Set<string>): boolean {
  const otherTerms = answerTerms(headingName(other));
  return [...answerTerms(headingName(heading))].some(
    (term) => termWeight(term) === 1 && !otherTerms.has(term) && questionTerms.has(term),
  );
}

/**
 * A sibling the question leaves open: the same sub-heading under another parent (two methods' "Cost"), or
 * another child of the same parent, when the question names nothing that sets the best passage apart.
 */
function isOpenSibling(top: SearchResult, other: SearchResult, questionTerms: Set<string>): boolean {
  if (top.docId !== other.docId || top.headings.length !== other.headings.length) return false;
  if (top.headings.length < 3) return false;
  const parent = (result: SearchResult) => result.headings.slice(0, -1).join('\u0000');
  const own = (result: SearchResult) => headingName(result.headings.at(-1) ?? '');
  if (parent(top) === parent(other)) return !namesOver(own(top), own(other), questionTerms);
  const parentHeading = (result: SearchResult) => result.headings.at(-2) ?? '';
  return own(top) === own(other) && !namesOver(parentHeading(top), parentHeading(other), questionTerms);
}

/** The retriever's best passage always speaks; others only when nearly as relevant, or a close sibling. */
function chooseEvidence(weighed: Evidence[], questionTerms: Set<string>): Evidence[] {
  const bestRelevance = Math.max(0, ...weighed.map((evidence) => evidence.relevance));
  const top = weighed[0]?.result;
  const topScore = top?.score ?? 0;
  const scoresNear = (score: number, share: number) => topScore <= 0 || score >= topScore * share;
  const topRelevance = weighed[0]?.relevance ?? 0;
  const secondaryShare = (relevance: number) =>
    relevance === bestRelevance && relevance > topRelevance * BEST_RELEVANCE_MARGIN
      ? BEST_RELEVANCE_SCORE
      : SECONDARY_SCORE;
  return weighed.filter(
    ({ relevance, result }, index) =>
      index === 0 ||
      (relevance > 0 &&
        ((relevance >= bestRelevance * SECONDARY_RELEVANCE &&
          scoresNear(result.score, secondaryShare(relevance))) ||
          (top !== undefined &&
            isOpenSibling(top, result, questionTerms) &&
            scoresNear(result.score, SIBLING_SCORE)))),
  );
}

/** The answer's leads, with the passage each cites moved to the front when it was not already chosen first. */
function withLeads(question: string, weighed: Evidence[]): { chosen: Evidence[]; leads: Lead[] } {
  const form = questionForm(question);
  let chosen = chooseEvidence(weighed, answerTerms(question));
  if (form.kind === 'definition') {
    const [lead] = answerLeads(form, question, weighed);
    const defining = lead ? weighed[lead.index] : undefined;
    if (lead && defining) {
      const units = defining.units.includes(lead.unit)
        ? defining.units
        : [lead.unit, ...defining.units].sort((left, right) => left.start - right.start);
      chosen = [{ ...defining, units }, ...chosen.filter((evidence) => evidence !== defining)];
    }
  }
  return { chosen, leads: answerLeads(form, question, chosen) };
}

/** Whether a section is one aspect of its parent: by its outline when known, else by the other results. */
function aspectJudge(input: ExtractiveAnswerInput): (result: SearchResult) => boolean {
  return (result) => {
    const view = input.section?.(result.id);
    if (view) return isAspectSection(view, view.document.outline);
    return isAspectSection(
      result,
      input.results.map(({ headings }) => ({ headings, id: '', anchor: '', depth: headings.length })),
    );
  };
}

/**
 * The passages an extractive answer quotes, best first, with the units of each and the answer's leads.
 * Bounded: at most four passages and eight units.
 */
export function selectEvidence(input: ExtractiveAnswerInput): { evidence: Evidence[]; leads: Lead[] } {
  const { question, results } = input;
  const queryTerms = answerTerms(question);
  const isAspect = aspectJudge(input);
  const weighed = results
    .slice(0, PASSAGES_CONSIDERED)
    .map((result) => weighPassage(result, queryTerms, isAspect(result)))
    .filter((evidence) => evidence.units.length > 0);
  const { chosen, leads } = withLeads(question, weighed);
  let budget = MAX_UNITS;
  const capped: Evidence[] = [];
  for (const evidence of chosen) {
    if (budget === 0) break;
    const lead = leads.find(({ index }) => chosen[index] === evidence)?.unit;
    const units = evidence.units.slice(0, budget);
    const withLead = lead && !units.includes(lead) ? [...units, lead] : units;
    capped.push({ ...evidence, units: withLead.sort((left, right) => left.start - right.start) });
    budget -= Math.min(budget, evidence.units.length);
  }
  return { evidence: capped, leads: leads.filter(({ index }) => index < capped.length) };
}
