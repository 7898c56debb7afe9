import type { ScoredSection } from './score-sections.js';
import type { Chunk } from './types.js';

/**
 * How much more a section counts when the reader asked from it ("Ask about this section"). Multiplying keeps
 * relevance in charge: only sections the question already matches gain, so an unrelated neighbour never
 * climbs, and a section elsewhere that matches the question well beyond 1.5× still outranks the scoped one.
 * 1.5 is the heading bonus's size (`HEADING_BONUS` adds half a score): the reader pointing at a section is as
 * strong a hint as the question restating its heading.
 */
export const SCOPE_BOOST = 1.5;
/** Siblings are the scoped section's context, not its text: they gain half as much. */
export const NEIGHBOUR_BOOST = 1.25;

/** A section key `<group>#<index path>` split at its last `#`. */
function splitKey(key: string): { group: string; path: string } {
  const cut = key.lastIndexOf('#');
  return { group: key.slice(0, cut), path: key.slice(cut + 1) };
}

function parentPath(path: string): string {
  const cut = path.lastIndexOf('.');
  return cut === -1 ? '' : path.slice(0, cut);
}

/** The boost a section gets from the scope: the scoped section and its descendants, then its siblings. */
function boostFor(chunk: Chunk, scope: { group: string; path: string }): number {
  const { group, path } = splitKey(chunk.sectionKey);
  if (group !== scope.group) return 1;
  if (path === scope.path || path.startsWith(`${scope.path}.`)) return SCOPE_BOOST;
  if (
    parentPath(path) === parentPath(scope.path) &&
    path.split('.').length === scope.path.split('.').length
  ) {
    return NEIGHBOUR_BOOST;
  }
  return 1;
}

/**
 * Re-ranks scored sections for a question asked from one section: it, its children and its siblings gain
 * (`SCOPE_BOOST`, `NEIGHBOUR_BOOST`). Section keys are shared by editions, so the scope holds in every
 * language. Coverage is judged on the unboosted scores: the scope changes the order, not whether we answer.
 */
export function boostScope(
  ranked: ScoredSection[],
  indexed: Chunk[],
  scope: Chunk | undefined,
): ScoredSection[] {
  if (!scope) return ranked;
  const scopeKey = splitKey(scope.sectionKey);
  return ranked
    .map((section) => {
      const chunk = indexed[section.position];
      return chunk ? { ...section, score: section.score * boostFor(chunk, scopeKey) } : section;
    })
    .sort((left, right) => right.score - left.score);
}
