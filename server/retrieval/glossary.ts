import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { normalizeText, stemWord, tokenize } from './tokenizer.js';

const synonymSetSchema = z.object({
  id: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
  /** A question-type hint (what is → 定义): rewards a match, never required. */
  soft: z.boolean().optional(),
  /** Everyday vocabulary (routine, highest, job): alone it does not put a question in scope. */
  general: z.boolean().optional(),
});

const glossarySchema = z.object({
  generic: z.array(synonymSetSchema),
  filler: z.array(z.string().min(1)),
  entries: z.array(synonymSetSchema),
});

/** The curated bilingual vocabulary (corpus/glossary.json). */
export type Glossary = z.infer<typeof glossarySchema>;

/** A synonym set: a glossary entry, or a group of domain-generic words (ai, 产品经理, role). */
export interface SynonymGroup {
  id: string;
  kind: 'topic' | 'soft' | 'generic';
  /** Everyday vocabulary (routine, highest, finance): alone it does not make a question about the domain. */
  general: boolean;
  /** `key`: the normalized form matching compares (whitespace-free Han, stemmed Latin words). */
  terms: Array<{ text: string; key: string; tokens: string[] }>;
}

/** A matchable term; an ambiguous word (`output`) belongs to several groups and expands to all of them. */
export interface GlossaryTerm {
  text: string;
  key: string;
  groups: SynonymGroup[];
  /** Question filler (`tell me`, `一下`): matched only to be dropped. */
  filler: boolean;
}

/** A glossary term found in a query, as a range of the normalized query. */
export interface TermMatch {
  term: GlossaryTerm;
  start: number;
  end: number;
}

/** The glossary compiled for matching: Han terms by compact text, Latin terms by their first word. */
export interface GlossaryMatcher {
  hanTerms: Array<{ compact: string; term: GlossaryTerm }>;
  latinTerms: Map<string, Array<{ atoms: string[]; term: GlossaryTerm }>>;
  /** Normalized domain-generic words, for leftover query words the term tables did not catch. */
  generic: Set<string>;
}

const HAN = /\p{Script=Han}/u;
/** A run of letters/digits that are not Han: Han text is matched as compact strings instead. */
const ATOM = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+|≠/gu;

/** Reads and validates a glossary file; a malformed file throws with the zod issues (a deploy error). */
export async function loadGlossary(file: string): Promise<Glossary> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  return glossarySchema.parse(raw);
}

/** Lowercased, stemmed word atoms of a Latin text: `A/B test` → `a b test`, `deliverables` → `deliverable`. */
export function latinAtoms(normalized: string): Array<{ atom: string; start: number; end: number }> {
  return [...normalized.matchAll(ATOM)].map((match) => ({
    atom: stemWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function synonymGroups(glossary: Glossary): SynonymGroup[] {
  const group = (id: string, kind: SynonymGroup['kind'], texts: string[], general = false): SynonymGroup => ({
    id,
    kind,
    general,
    terms: texts.map((text) => ({ text, key: termKey(text).key, tokens: [...new Set(tokenize(text))] })),
  });
  return [
    ...glossary.entries.map((entry) =>
      group(entry.id, entry.soft ? 'soft' : 'topic', entry.terms, entry.general),
    ),
    ...glossary.generic.map((entry) => group(entry.id, 'generic', entry.terms, entry.general)),
  ];
}

function termKey(text: string): { han: boolean; key: string } {
  const normalized = normalizeText(text);
  if (HAN.test(normalized)) return { han: true, key: normalized.replace(/\s+/g, '') };
  return {
    han: false,
    key: latinAtoms(normalized)
      .map((atom) => atom.atom)
      .join(' '),
  };
}

/** Compiles a glossary into lookup tables; generic and filler words are matched like terms. */
export function compileGlossary(glossary: Glossary): GlossaryMatcher {
  const terms = new Map<string, GlossaryTerm>();
  const termFor = (text: string) => {
    const { han, key } = termKey(text);
    const mapKey = `${han ? 'h' : 'l'}:${key}`;
    const known = terms.get(mapKey);
    if (known || key === '') return known;
    const term: GlossaryTerm = { text, key, groups: [], filler: false };
    terms.set(mapKey, term);
    return term;
  };
  for (const group of synonymGroups(glossary)) {
    for (const { text } of group.terms) {
      const term = termFor(text);
      if (term && !term.groups.includes(group)) term.groups.push(group);
    }
  }
  for (const text of glossary.filler) {
    const term = termFor(text);
    if (term) term.filler = term.groups.length === 0;
  }
  const matcher: GlossaryMatcher = {
    hanTerms: [],
    latinTerms: new Map(),
    generic: new Set(glossary.generic.flatMap((entry) => entry.terms).map((text) => normalizeText(text))),
  };
  for (const [mapKey, term] of terms) {
    const key = mapKey.slice(2);
    if (mapKey.startsWith('h:')) matcher.hanTerms.push({ compact: key, term });
    else {
      const atoms = key.split(' ');
      const bucket = matcher.latinTerms.get(atoms[0] ?? '') ?? [];
      bucket.push({ atoms, term });
      matcher.latinTerms.set(atoms[0] ?? '', bucket);
    }
  }
  return matcher;
}

function findHanTerms(matcher: GlossaryMatcher, normalized: string): TermMatch[] {
  const positions: number[] = [];
  let compact = '';
  for (let index = 0; index < normalized.length; index++) {
    const character = normalized[index] ?? '';
    if (/\s/.test(character)) continue;
    compact += character;
    positions.push(index);
  }
  const matches: TermMatch[] = [];
  for (const { compact: key, term } of matcher.hanTerms) {
    for (let at = compact.indexOf(key); at !== -1; at = compact.indexOf(key, at + 1)) {
      const start = positions[at] ?? 0;
      const end = (positions[at + key.length - 1] ?? start) + 1;
      matches.push({ term, start, end });
    }
  }
  return matches;
}

function findLatinTerms(matcher: GlossaryMatcher, normalized: string): TermMatch[] {
  const atoms = latinAtoms(normalized);
  const matches: TermMatch[] = [];
  atoms.forEach((first, index) => {
    for (const candidate of matcher.latinTerms.get(first.atom) ?? []) {
      const span = atoms.slice(index, index + candidate.atoms.length);
      if (span.length !== candidate.atoms.length) continue;
      if (span.every((atom, offset) => atom.atom === candidate.atoms[offset])) {
        matches.push({ term: candidate.term, start: first.start, end: span.at(-1)?.end ?? first.end });
      }
    }
  });
  return matches;
}

/** How much of the query a match explains: filler counts half, so `好找工作` beats `最好` in `最好找工作`. */
function matchValue(match: TermMatch): number {
  return (match.end - match.start) * (match.term.filler ? 0.5 : 1);
}

/**
 * Finds glossary, generic and filler terms in a normalized query: the non-overlapping set that explains
 * the most of it (weighted interval scheduling), so `hiring demand` wins over `demand`, `数据闭环` over
 * `数据`, and `non-technical background` splits as non-technical + background. Returns them in query order.
 */
export function matchGlossary(matcher: GlossaryMatcher, normalized: string): TermMatch[] {
  const candidates = [...findHanTerms(matcher, normalized), ...findLatinTerms(matcher, normalized)].sort(
    (left, right) => left.end - right.end || left.start - right.start,
  );
  // best[i]: the best selection among the first i candidates (by end offset).
  const best: Array<{ value: number; picked: TermMatch[] }> = [{ value: 0, picked: [] }];
  candidates.forEach((candidate, index) => {
    let compatible = index;
    while (compatible > 0 && (candidates[compatible - 1]?.end ?? 0) > candidate.start) compatible -= 1;
    const base = best[compatible] ?? { value: 0, picked: [] };
    const withCandidate = { value: base.value + matchValue(candidate), picked: [...base.picked, candidate] };
    const without = best[index] ?? { value: 0, picked: [] };
    best.push(withCandidate.value > without.value ? withCandidate : without);
  });
  return best.at(-1)?.picked ?? [];
}
