import type { CoverageJudgment } from './judge-coverage.js';
import type { ScoredSection } from './score-sections.js';

/** One way of asking the question (as typed, or rewritten into another language), ranked and judged. */
export interface RankedForm {
  scored: ScoredSection[];
  importance: number[];
  judgment: CoverageJudgment;
}

/** Forms searched besides the question itself: one per other corpus language is all a rewrite gives. */
export const MAX_REWRITES = 2;

function totalImportance(form: RankedForm): number {
  return form.importance.reduce((sum, value) => sum + value, 0);
}

/**
 * One ranking for the question asked several ways. Each form's scores are divided by its question's total
 * importance — a section's share of what that form asks — so a translation that finds its whole question
 * outranks a form that finds only a word of its own; a section keeps its best share. The question is covered
 * when any form is: a faithful translation of an off-topic question is off-topic too.
 */
export function fuseForms(own: RankedForm, rewrites: RankedForm[]): Pick<RankedForm, 'scored' | 'judgment'> {
  const fused = new Map<number, ScoredSection>();
  for (const form of [own, ...rewrites]) {
    const total = totalImportance(form);
    if (total === 0) continue;
    for (const section of form.scored) {
      const share = section.score / total;
      const known = fused.get(section.position);
      // Held concepts index into each form's own list: the question's own form says what they are.
      if (!known)
        fused.set(section.position, {
          ...section,
          score: share,
          held: form === own ? section.held : new Set(),
        });
      else if (share > known.score) known.score = share;
    }
  }
  const scored = [...fused.values()].sort(
    (left, right) => right.score - left.score || left.position - right.position,
  );
  const judgment = [own, ...rewrites].find((form) => form.judgment.answerable)?.judgment ?? own.judgment;
  return { scored, judgment };
}
