import { createSubstringMatcher } from './substring-matcher.js';

/**
 * A repeated run of this many characters (after folding case and whitespace) counts as repeating the
 * instructions. Long enough that an answer quoting a phrase the rules ask for ("The passages do not cover …",
 * ~25 characters) never trips it; short enough that no rule sentence (each is longer) can be echoed whole.
 */
export const LEAK_WINDOW_CHARS = 60;

/** Why the guard stopped taking text. */
export type GuardStop = 'capped' | 'leak';

export interface AnswerGuard {
  /** Takes verified answer text; returns what may reach the reader now. */
  push(text: string): string;
  /** The stream ended: returns what was held back, unless the guard stopped for a leak. */
  flush(): string;
  /** Set once the answer reached the character cap or began repeating the instructions. */
  readonly stopped: GuardStop | undefined;
}

/** Case and runs of whitespace folded, so a re-wrapped or re-cased copy still matches. */
function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** A cut must not split a surrogate pair or leave half a marker ("… [1") at the end. */
function cleanCut(text: string): string {
  const whole = /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
  return whole.replace(/[[【［][\d\s,，、]*$/, '');
}

/**
 * Output checks on the streamed answer: at most `maxChars` characters are taken, and an answer that starts
 * repeating the instructions verbatim is stopped before any of the repeated run reaches the reader. Only the
 * tail that still reads like the instructions is held back — usually a few characters, so streaming is not
 * delayed — and checking is linear in the answer's length.
 */
export function createAnswerGuard(options: { maxChars: number; instructions: string }): AnswerGuard {
  const matcher = createSubstringMatcher(fold(options.instructions));
  let raw = '';
  let released = 0;
  /** Folded characters so far, and where each came from in `raw`. */
  const origin: number[] = [];
  let lastWasSpace = false;
  let matched = 0;
  let stopped: GuardStop | undefined;

  /** Feeds one raw character; false when the tail now repeats a run of the instructions. */
  const take = (char: string, at: number): boolean => {
    const space = /\s/.test(char);
    if (space && lastWasSpace) return true;
    lastWasSpace = space;
    origin.push(at);
    matched = matcher.next(space ? ' ' : char.toLowerCase());
    return matched < LEAK_WINDOW_CHARS;
  };
  /** Raw text before the tail that could still grow into a repeated run is safe to show. */
  const heldFrom = () => (matched === 0 ? raw.length : (origin[origin.length - matched] ?? raw.length));
  const release = (end: number) => {
    const out = raw.slice(released, Math.max(released, end));
    released = Math.max(released, end);
    return out;
  };

  return {
    push(text) {
      if (stopped) return '';
      const room = options.maxChars - raw.length;
      const accepted = text.length > room ? cleanCut(text.slice(0, room)) : text;
      for (const char of accepted) {
        const at = raw.length;
        raw += char;
        if (!take(char, at)) {
          stopped = 'leak';
          return release(heldFrom());
        }
      }
      if (text.length > room) stopped = 'capped';
      return release(stopped ? raw.length : heldFrom());
    },
    flush() {
      return stopped === 'leak' ? '' : release(raw.length);
    },
    get stopped() {
      return stopped;
    },
  };
}
