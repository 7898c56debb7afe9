import type { SourceDocument } from '../server/retrieval/types.js';

/** A small deterministic PRNG (mulberry32): the same corpus on every run, so runs compare. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A bullet of 3–8 words drawn from the corpus and the product vocabulary: realistic term overlap. */
function randomBullet(vocabulary: string[], random: () => number): string {
  const length = 3 + Math.floor(random() * 6);
  return Array.from({ length }, () => pick(vocabulary, random)).join(random() < 0.5 ? '' : ' ');
}

function perturbLine(line: string, vocabulary: string[], random: () => number): string {
  if (/^#{1,6} /.test(line)) {
    return random() < 0.3 ? `${line} ${pick(vocabulary, random)}` : line;
  }
  if (/^\s*[*-] /.test(line) && random() < 0.6) {
    return `${line.slice(0, line.indexOf(' ') + 1)}${randomBullet(vocabulary, random)}`;
  }
  return line;
}

/**
 * Synthesizes `copies` variants of the seed documents: headings sometimes extended with a domain word,
 * most bullets rewritten from the shared vocabulary, an extra section per copy. Ids and titles differ per
 * copy, so the index holds `copies ×` the seed's chunks with overlapping, not identical, text.
 */
export function synthesizeCorpus(options: {
  seed: SourceDocument[];
  /** Extra words to mix in, e.g. the product vocabulary's terms. */
  terms: string[];
  copies: number;
}): SourceDocument[] {
  const { seed, terms, copies } = options;
  const random = createRandom(20_260_101);
  const vocabulary = [
    ...terms,
    ...seed.flatMap((document) => document.text.match(/[\p{Script=Han}]{2,4}|[A-Za-z]{3,}/gu) ?? []),
  ];
  const documents: SourceDocument[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const document of seed) {
      const lines = document.text.split('\n').map((line) => perturbLine(line, vocabulary, random));
      lines.push(
        '',
        `## 附录 ${copy}：${randomBullet(vocabulary, random)}`,
        '',
        `* ${randomBullet(vocabulary, random)}`,
      );
      const text = lines.join('\n').replace(/^# (.*)$/m, `# $1（第 ${copy} 版）`);
      documents.push({
        id: `${document.id}-${copy}`,
        title: `${document.title}（第 ${copy} 版）`,
        path: `bench/${copy}.md`,
        text,
      });
    }
  }
  return documents;
}
