/** Follows a stream of characters, knowing at each step how long a tail of it occurs somewhere in `text`. */
export interface SubstringMatcher {
  /** Feeds one character; returns the length of the longest suffix of everything fed that occurs in `text`. */
  next(char: string): number;
}

interface State {
  length: number;
  link: number;
  edges: Map<string, number>;
}

/** The suffix automaton of `text`: every substring of it is a path from state 0. Built in linear time. */
function buildAutomaton(text: string): State[] {
  const states: State[] = [{ length: 0, link: -1, edges: new Map() }];
  let last = 0;
  for (const char of text) {
    const current = states.push({ length: (states[last]?.length ?? 0) + 1, link: 0, edges: new Map() }) - 1;
    let state = last;
    while (state !== -1 && !states[state]?.edges.has(char)) {
      states[state]?.edges.set(char, current);
      state = states[state]?.link ?? -1;
    }
    if (state !== -1) {
      const from = states[state] as State;
      const to = from.edges.get(char) as number;
      const target = states[to] as State;
      if (from.length + 1 === target.length) {
        (states[current] as State).link = to;
      } else {
        const clone =
          states.push({ length: from.length + 1, link: target.link, edges: new Map(target.edges) }) - 1;
        for (let walk = state; walk !== -1 && states[walk]?.edges.get(char) === to; ) {
          states[walk]?.edges.set(char, clone);
          walk = states[walk]?.link ?? -1;
        }
        target.link = clone;
        (states[current] as State).link = clone;
      }
    }
    last = current;
  }
  return states;
}

/** The prompts differ only by passage count and language: a few automata serve every request. */
const automata = new Map<string, State[]>();
const MAX_CACHED = 64;

function automatonFor(text: string): State[] {
  const known = automata.get(text);
  if (known) return known;
  if (automata.size >= MAX_CACHED) automata.clear();
  const built = buildAutomaton(text);
  automata.set(text, built);
  return built;
}

/**
 * A matcher for repeated text: each character costs amortised constant time (a suffix automaton), so checking
 * an answer against a prompt is linear in both, however long the answer or the repeated run.
 */
export function createSubstringMatcher(text: string): SubstringMatcher {
  const states = automatonFor(text);
  let state = 0;
  let matched = 0;
  return {
    next(char) {
      while (state !== 0 && !states[state]?.edges.has(char)) {
        state = states[state]?.link ?? 0;
        matched = states[state]?.length ?? 0;
      }
      const to = states[state]?.edges.get(char);
      if (to === undefined) {
        matched = 0;
        return 0;
      }
      state = to;
      matched += 1;
      return matched;
    },
  };
}
