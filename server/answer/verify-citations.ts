/**
 * Citation markers as models write them: [1], [1, 2], [1][2] (two markers), and the full-width 【1】 / ［1］
 * that Chinese output often uses. The contents are numbers separated by commas, 、 or spaces.
 */
const MARKER = /[[【［]\s*(\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)\s*[\]】］]/g;
/** A tail that may still become a marker once the next chunk arrives. */
const OPEN_MARKER_TAIL = /[[【［][\d\s,，、]{0,24}$/;

export interface CitationFilter {
  /** Accepts the next model text chunk; returns the text that is safe to send now. */
  push(chunk: string): string;
  /** Ends the stream: returns whatever was held back. */
  flush(): string;
  /** How many cited numbers pointed outside 1..passageCount and were dropped. */
  readonly removed: number;
}

/** Rewrites every marker in a piece of text to canonical [n] form, dropping out-of-range numbers. */
export function sanitizeCitations(text: string, passageCount: number): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(MARKER, (_marker, numbers: string) => {
    const cited = numbers.split(/[\s,，、]+/).map(Number);
    const valid = cited.filter((n) => Number.isInteger(n) && n >= 1 && n <= passageCount);
    removed += cited.length - valid.length;
    return valid.length > 0 ? `[${[...new Set(valid)].join(', ')}]` : '';
  });
  return { text: cleaned, removed };
}

/**
 * Checks markers while the answer streams: a marker split across chunks ("…上线 [" + "7]") is held back
 * until it is complete, so a marker pointing outside the passages never reaches the client, not even briefly.
 */
export function createCitationFilter(passageCount: number): CitationFilter {
  let pending = '';
  let removed = 0;
  const release = (text: string): string => {
    const result = sanitizeCitations(text, passageCount);
    removed += result.removed;
    return result.text;
  };
  return {
    push(chunk) {
      const text = pending + chunk;
      const tail = OPEN_MARKER_TAIL.exec(text);
      const cut = tail ? tail.index : text.length;
      pending = text.slice(cut);
      return release(text.slice(0, cut));
    },
    flush() {
      const text = pending;
      pending = '';
      return release(text);
    },
    get removed() {
      return removed;
    },
  };
}
