import type { SearchResult } from '../contract.js';
import { latinSentences } from '../retrieval/text.js';
import { answerTerms, termWeight } from './answer-terms.js';
import type { TextUnit } from './markdown-units.js';
import { definesName, type QuestionForm } from './question-form.js';
import { sectionHeadings, sectionLabel } from './section-label.js';
import { headingName } from './section-subject.js';

/** A passage chosen to speak, with the units it quotes and the one that best answers the question. */
export interface LeadEvidence {
  result: SearchResult;
  /** One aspect of its parent: the parent, not the sub-heading, is what it answers with. */
  aspect: boolean;
  units: TextUnit[];
  /** Every unit of the passage, for finding a definition that was not among the quoted ones. */
  allUnits: TextUnit[];
  /** The unit scoring highest against the question. */
  strongest: TextUnit | undefined;
}

/** A line that states the answer before the quotes: which passage it cites and the unit it quotes. */
export interface Lead {
  index: number;
  subject: string | null;
  unit: TextUnit;
  /** The part of the unit the lead quotes, when only one of its sentences states the answer. */
  quote?: string;
  /** A short list stated in one line: every unit the passage quotes, `unit` first among them. */
  list?: TextUnit[];
}

/**
 * A passage that answers with a handful of short bullets (a role's four deliverables) states them all in one
 * line: any one bullet alone would not be the answer. Longer or more bullets stay a list below.
 */
const LIST_LEAD_MAX_UNITS = 6;
const LIST_LEAD_UNIT_CHARS = 60;

/** Names a heading goes by: "萃取率（Extraction Yield）" is also "萃取率" and "Extraction Yield". */
function headingNames(heading: string): string[] {
  const name = headingName(heading);
  const parts = name.split(/[（()）/]/u).map((part) => part.trim());
  return [name, ...parts.filter((part) => part.length >= 2)];
}

/** Share of a heading's topical terms the question already names: 1 when the heading only repeats it. */
export function namedShare(heading: string, questionTerms: Set<string>): number {
  const terms = [...answerTerms(headingName(heading))].filter((term) => termWeight(term) === 1);
  if (terms.length === 0) return 1;
  return terms.filter((term) => questionTerms.has(term)).length / terms.length;
}

/**
 * The heading that answers a "which" question: the deepest heading below the title the question does not
 * already name ("哪种…最容易" in a "Method › 难度" section → the method).
 */
export function answeringHeading(
  result: SearchResult,
  aspect: boolean,
  questionTerms: Set<string>,
): string | null {
  // A section right under the title introduces the things a "which" question chooses among: no answer there.
  if (result.headings.length < 3) return null;
  const headings = sectionHeadings(result);
  for (const heading of (aspect ? headings.slice(0, -1) : headings).reverse()) {
    if (namedShare(heading, questionTerms) <= 0.5) return headingName(heading);
  }
  return null;
}

function definitionLead(evidence: LeadEvidence[], term: string): Lead | undefined {
  const termTerms = answerTerms(term);
  for (const [index, { result, allUnits }] of evidence.entries()) {
    // Bounded: a definition is looked for in the considered passages only, unit by unit.
    const headings = sectionHeadings(result).filter((heading) =>
      [...answerTerms(heading)].some((word) => termTerms.has(word)),
    );
    const names = [term, ...headings.flatMap(headingNames)];
    const unit = allUnits.find((candidate) => definesName(candidate.plain, names));
    if (!unit) continue;
    const quote = latinSentences(unit.plain).find((sentence) => definesName(sentence, names));
    return { index, subject: null, unit, ...(quote && quote !== unit.plain ? { quote } : {}) };
  }
  return undefined;
}

/**
 * The lead of a search-mode answer, extractive and cited. A definition question leads with the sentence that
 * defines its term; a "which" question leads with the heading that answers it, in bold, and that passage's
 * strongest unit — once per passage when several siblings answer. Any other question leads with the best
 * passage's short list in one line, or with its unit that matches the question best.
 */
export function answerLeads(form: QuestionForm, question: string, evidence: LeadEvidence[]): Lead[] {
  if (form.kind === 'definition') {
    const lead = definitionLead(evidence, form.term);
    if (lead) return [lead];
    // No sentence defines it: the best passage's own heading names the thing, its strongest unit says most.
    const [first] = evidence;
    const heading = first?.result.headings.at(-1) ?? '';
    const named = namedShare(heading, answerTerms(form.term)) > 0;
    if (!first?.strongest || first.aspect || first.result.headings.length < 2 || !named) return [];
    return [{ index: 0, subject: headingName(heading), unit: first.strongest }];
  }
  if (form.kind !== 'which') return listLead(evidence) ?? strongestLead(evidence);
  const questionTerms = answerTerms(question);
  const states = criterionTest(form.criterion);
  const leads: Lead[] = [];
  for (const [index, { result, strongest, aspect, units }] of evidence.entries()) {
    const subject = answeringHeading(result, aspect, questionTerms);
    const unit = units.find(states) ?? strongest;
    if (subject && unit && !leads.some((lead) => lead.subject === subject)) {
      leads.push({ index, subject, unit });
    }
  }
  // "Which … is most Y": the things said to be Y answer it; the others only share its words. Stable sort.
  return [...leads].sort((a, b) => Number(states(b.unit)) - Number(states(a.unit)));
}

/** A negation just before the quality ("不算友好", "not very easy") says the opposite of it. */
function negatedBefore(criterion: string): RegExp {
  const head = [...criterion]
    .slice(0, 4)
    .join('')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(?:[不没未][^，。；,;]{0,2}|\\b(?:not|never|hardly|less|no)\\s+(?:\\w+\\s+)?)${head}`,
    'iu',
  );
}

/** Whether a unit states the quality a "which" question chooses by (not negated); never, when it names none. */
function criterionTest(criterion: string | null): (unit: TextUnit) => boolean {
  const wanted = criterion === null ? new Set<string>() : answerTerms(criterion);
  if (criterion === null || wanted.size === 0) return () => false;
  const negated = negatedBefore(criterion);
  return (unit) => [...answerTerms(unit.plain)].some((term) => wanted.has(term)) && !negated.test(unit.plain);
}

/** The best passage's short bullets as one lead line under its label, when they are all it quotes. */
function listLead(evidence: LeadEvidence[]): Lead[] | undefined {
  const [first] = evidence;
  const units = first?.units ?? [];
  if (!first || units.length < 2 || units.length > LIST_LEAD_MAX_UNITS) return undefined;
  const short = units.every(
    (unit) => unit.kind === 'bullet' && [...unit.plain].length <= LIST_LEAD_UNIT_CHARS,
  );
  const [unit] = units;
  return short && unit ? [{ index: 0, subject: sectionLabel(first.result), unit, list: units }] : undefined;
}

/**
 * Otherwise the unit of the best passage that matches the question best comes first, when it is not already
 * the first one quoted: the passage's opening is often context, the matching unit is the answer.
 */
function strongestLead(evidence: LeadEvidence[]): Lead[] {
  const [first] = evidence;
  const unit = first?.strongest;
  if (!first || !unit || first.units.length < 2 || first.units[0] === unit) return [];
  return first.units.includes(unit) ? [{ index: 0, subject: null, unit }] : [];
}
