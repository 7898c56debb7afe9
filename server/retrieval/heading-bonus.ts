import type { ChunkField } from './chunk-profiles.js';
import { BROADER_WEIGHT, type QueryConcept } from './query-concept.js';
import type { Chunk } from './types.js';

/**
 * Bonus for a section whose own heading names the role the question asks about (`产品经理（Define What &
 * Why）` for `what is the PM's part?`): parent headings name several roles, the own heading only one.
 */
export const SUBJECT_SHARE = 0.3;
/**
 * Bonus for a section headed by the aspect asked about when it also holds every other glossary topic of
 * the question (`金融行业 PM 一天的工作` → 行业 › 日常工作, not 行业 › 定义 that lists 金融). Not for team-role
 * questions (PM vs engineer sections have no aspects) nor bare aspects (`what should AI PMs focus on`).
 */
export const ASPECT_SHARE = 0.2;
/**
 * Bonus for a section under the heading of a kind of AI PM the question names (`vertical PM` → 行业 / 垂直
 * 领域 › 需求量): `行业` is common in the corpus, yet naming the role is the strongest hint there is.
 */
export const TRACK_SHARE = 0.2;
/** A chunk holds a concept from this credit on (a wider term in a parent heading scores 0.45). */
const HELD_CREDIT = 0.2;

type Alternatives = QueryConcept['alternatives'];

function holdsAny(field: ChunkField, alternatives: Alternatives): boolean {
  return alternatives.some((alternative) => alternative.tokens.every((token) => field.tokens.has(token)));
}

function headings(chunk: Chunk, fields: ChunkField[]): ChunkField[] {
  return chunk.headings.length === 0 ? [] : fields.filter((field) => field.kind === 'heading');
}

/** True when the chunk's own heading holds one way of saying the concept in full. */
function headedBy(chunk: Chunk, fields: ChunkField[], concept: QueryConcept | undefined): boolean {
  const own = headings(chunk, fields).at(-1);
  return concept !== undefined && own !== undefined && holdsAny(own, concept.alternatives);
}

/** True when a heading below the document title names a kind of AI PM the question names (not a wider term). */
function underTrack(chunk: Chunk, fields: ChunkField[], concepts: QueryConcept[]): boolean {
  const named = concepts
    .filter((concept) => concept.track)
    .map((concept) => concept.alternatives.filter((alternative) => alternative.weight > BROADER_WEIGHT));
  if (named.length === 0) return false;
  const path = headings(chunk, fields);
  const below = chunk.headings.length > 1 ? path.slice(1) : path;
  return below.some((field) => named.some((alternatives) => holdsAny(field, alternatives)));
}

function aspectBonus(
  chunk: Chunk,
  fields: ChunkField[],
  input: { concepts: QueryConcept[]; credits: number[] },
) {
  const { concepts, credits } = input;
  const others = concepts
    .map((concept, index) => ({ concept, credit: credits[index] ?? 0 }))
    .filter(({ concept }) => concept.kind === 'topic' && concept.source === 'glossary' && !concept.aspect)
    // Model-engineering words are what a skill is about (`要不要懂训练`), not a topic a section must hold.
    .filter(({ concept }) => !concept.technical);
  if (others.length === 0 || others.some(({ credit }) => credit < HELD_CREDIT)) return 0;
  const aspects = concepts.filter((concept) => concept.aspect);
  return aspects.some((aspect) => headedBy(chunk, fields, aspect)) ? ASPECT_SHARE : 0;
}

/**
 * Structural bonuses from headings: the team role a question asks about (see question-subject.ts), else
 * the aspect it asks about; plus the kind of AI PM it names.
 */
export function headingBonus(
  chunk: Chunk,
  fields: ChunkField[],
  input: { concepts: QueryConcept[]; credits: number[] },
): number {
  const subject = input.concepts.find((concept) => concept.subject);
  const main = subject
    ? headedBy(chunk, fields, subject)
      ? SUBJECT_SHARE
      : 0
    : aspectBonus(chunk, fields, input);
  return main + (underTrack(chunk, fields, input.concepts) ? TRACK_SHARE : 0);
}
