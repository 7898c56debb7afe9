import type { CorpusStats } from './corpus-stats.js';
import type { QueryConcept } from './query-concept.js';
import type { RankedChunk } from './rank-chunks.js';

/**
 * When the corpus covers a question. `coverage`: credit share of the question's topic concepts held by the
 * top results together (off-topic questions score 0–0.35, real ones 0.4 and above). Evidence counts too:
 * a question with two topic words or more matched in ONE section is corroborated and needs less (unknown
 * phrasing words then cannot sink a real question, while an off-topic one rarely hits a section twice);
 * one that is not needs a single section that addresses it (`focusedCoverage`) — mentions scattered over
 * several sections (`fine-tune` in one, `GPU` in another) are not an answer. How much is needed depends on
 * what ties the question to AI product management: an AI/AI-PM word (`domain`); only a product-management
 * word (`profession`: `How do I become a PM at a bank?` is not about AI PMs unless a section backs it
 * twice); or nothing (`none`: everyday words match by accident, `a good morning routine` hits 日常工作).
 */
export const ANSWERABILITY = {
  coverage: 0.4,
  corroboratedCoverage: 0.2,
  /** Without corroboration, the best single section must cover this much of the question. */
  focusedCoverage: 0.3,
  professionCoverage: 0.6,
  professionCorroboratedCoverage: 0.4,
  unanchoredCoverage: 0.7,
  corroboratingConcepts: 2,
  /** A concept counts as matched from this credit on (a synonym in a body scores 0.56). */
  matchedCredit: 0.5,
  /** A question word the corpus never uses counts this much against coverage (it may be phrasing). */
  ungroundedWeight: 0.5,
  /**
   * A glossary topic the corpus never mentions counts this much when only everyday words matched: known
   * vocabulary the corpus lacks (`replace` in `Will AI replace product designers?`) is then what the
   * question asks about; next to a matched domain term (`monetization PM` + `metrics`) it is a detail.
   */
  absentWeight: 2,
  /** A question of model-engineering words only needs one section holding them all this well (headings). */
  technicalFocus: 0.85,
} as const;

/** What ties a question to the domain: an AI / AI-PM word, only a product-management word, or nothing. */
export type DomainAnchor = 'domain' | 'profession' | 'none';

export interface CoverageJudgement {
  coverage: number;
  anchor: DomainAnchor;
  /** Most topic concepts (all concepts when there is no topic word) one top result matches well. */
  matchedConcepts: number;
  answerable: boolean;
}

interface Evidence {
  /** False when only generic words and hints were judged: they match every section, so prove little. */
  topical: boolean;
  /** Credit share of the judged concepts held by the results together. */
  coverage: number;
  /** The same share for the best single result. */
  focused: number;
  matchedConcepts: number;
  /** A glossary topic the corpus never mentions, while only everyday words matched: nothing corroborates. */
  missingTopic: boolean;
  /** Every grounded topic word is model-engineering vocabulary (see the glossary's `technical`). */
  technicalOnly: boolean;
}

function isGrounded(concept: QueryConcept, stats: CorpusStats): boolean {
  if (concept.source === 'glossary') return true;
  return concept.alternatives.some((alternative) =>
    alternative.tokens.some((token) => stats.documentFrequency.has(token)),
  );
}

/** A glossary concept no section mentions in any of its forms: a topic the corpus does not cover. */
function isAbsentTopic(concept: QueryConcept, stats: CorpusStats): boolean {
  if (concept.source !== 'glossary' || concept.kind !== 'topic') return false;
  return !concept.alternatives.some((alternative) =>
    alternative.tokens.every((token) => stats.documentFrequency.has(token)),
  );
}

function anchorOf(concepts: QueryConcept[], knowsDomain: boolean): DomainAnchor {
  if (!knowsDomain || concepts.some((concept) => concept.scope === 'domain')) return 'domain';
  const profession = concepts.some((concept) => concept.scope === 'profession');
  // A kind of AI PM named with the profession (`基础设施方向的 PM`, `growth PM`) is this corpus's subject.
  if (profession && concepts.some((concept) => concept.track)) return 'domain';
  return profession ? 'profession' : 'none';
}

/** Soft hints and generic words only judge a question that has no topic word of its own. */
function judgedWeights(
  concepts: QueryConcept[],
  top: RankedChunk[],
  stats: CorpusStats,
): Map<number, number> {
  const hasTopic = concepts.some((concept) => concept.kind === 'topic');
  const bestCredit = concepts.map((_, index) =>
    Math.max(0, ...top.map((entry) => entry.credits[index] ?? 0)),
  );
  const judged = concepts.flatMap((concept, index) =>
    hasTopic && concept.kind !== 'topic' ? [] : [{ concept, index, credit: bestCredit[index] ?? 0 }],
  );
  const domainMatched = judged.some(
    ({ concept, credit }) => concept.scope === 'domain' && credit >= ANSWERABILITY.matchedCredit,
  );
  const weights = new Map<number, number>();
  for (const { concept, index } of judged) {
    const absent = !domainMatched && isAbsentTopic(concept, stats);
    if (!isGrounded(concept, stats)) weights.set(index, ANSWERABILITY.ungroundedWeight);
    else weights.set(index, absent ? ANSWERABILITY.absentWeight : 1);
  }
  return weights;
}

function evidenceOf(concepts: QueryConcept[], weights: Map<number, number>, top: RankedChunk[]): Evidence {
  const credit = (entry: RankedChunk, index: number) => entry.credits[index] ?? 0;
  const share = (entries: RankedChunk[]) => {
    let covered = 0;
    let asked = 0;
    for (const [index, weight] of weights) {
      covered += weight * Math.max(0, ...entries.map((entry) => credit(entry, index)));
      asked += weight;
    }
    return asked === 0 ? 0 : covered / asked;
  };
  const indexes = [...weights.keys()];
  const grounded = indexes.flatMap((index) =>
    weights.get(index) === ANSWERABILITY.ungroundedWeight ? [] : (concepts[index] ?? []),
  );
  return {
    topical: concepts.some((concept) => concept.kind === 'topic'),
    missingTopic: [...weights.values()].includes(ANSWERABILITY.absentWeight),
    technicalOnly:
      grounded.length > 0 && grounded.every((concept) => concept.kind === 'topic' && concept.technical),
    coverage: share(top),
    focused: Math.max(0, ...top.map((entry) => share([entry]))),
    matchedConcepts: Math.max(
      0,
      ...top.map(
        (entry) => indexes.filter((index) => credit(entry, index) >= ANSWERABILITY.matchedCredit).length,
      ),
    ),
  };
}

/** Whether the evidence suffices for the question's anchor (see ANSWERABILITY). */
function isAnswerable(anchor: DomainAnchor, evidence: Evidence): boolean {
  const { coverage, focused, matchedConcepts } = evidence;
  if (anchor === 'none') return coverage >= ANSWERABILITY.unanchoredCoverage;
  // `What is an AI PM?` is the corpus's subject; `How do I become a product manager?` is not.
  if (!evidence.topical && anchor !== 'domain') return false;
  const corroborated = matchedConcepts >= ANSWERABILITY.corroboratingConcepts && !evidence.missingTopic;
  if (!corroborated && focused < ANSWERABILITY.focusedCoverage) return false;
  if (evidence.technicalOnly && focused < ANSWERABILITY.technicalFocus) return false;
  if (anchor === 'profession') {
    return (
      coverage >=
      (corroborated ? ANSWERABILITY.professionCorroboratedCoverage : ANSWERABILITY.professionCoverage)
    );
  }
  return coverage >= (corroborated ? ANSWERABILITY.corroboratedCoverage : ANSWERABILITY.coverage);
}

/**
 * Judges whether the top results cover the question, from each concept's credit in them. `knowsDomain`:
 * whether the glossary has domain vocabulary; without it every question is judged as anchored.
 */
export function judgeCoverage(
  concepts: QueryConcept[],
  top: RankedChunk[],
  context: { stats: CorpusStats; knowsDomain: boolean },
): CoverageJudgement {
  const evidence = evidenceOf(concepts, judgedWeights(concepts, top, context.stats), top);
  const anchor = anchorOf(concepts, context.knowsDomain);
  return {
    coverage: evidence.coverage,
    anchor,
    matchedConcepts: evidence.matchedConcepts,
    answerable: isAnswerable(anchor, evidence),
  };
}
