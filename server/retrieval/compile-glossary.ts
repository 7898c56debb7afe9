import type { z } from 'zod';
import {
  type CueRewrite,
  type Glossary,
  type GlossaryMatcher,
  type GlossaryTerm,
  glossarySchema,
  type SynonymGroup,
  type synonymSetSchema,
  type TermTable,
  termKey,
} from './glossary.js';
import { assignScopes } from './term-scope.js';
import { normalizeText, tokenize } from './tokenizer.js';

type SynonymSet = z.infer<typeof synonymSetSchema>;

/** Colloquial spellings of the same question word: a term written with one also matches the other. */
const COLLOQUIAL_PAIRS: Array<[string, string]> = [
  ['什么', '啥'],
  ['怎么', '咋'],
];

/** The terms plus their colloquial spellings (`干些啥` → also `干些什么`), each once. */
function withColloquialSpellings(terms: string[]): string[] {
  const variants = new Set(terms);
  for (const text of terms) {
    for (const [formal, casual] of COLLOQUIAL_PAIRS) {
      if (text.includes(formal)) variants.add(text.replaceAll(formal, casual));
      if (text.includes(casual)) variants.add(text.replaceAll(casual, formal));
    }
  }
  return [...variants];
}

/** Every entry and generic set as a group, with `broader` links resolved; an unknown id throws. */
function synonymGroups(glossary: z.infer<typeof glossarySchema>): SynonymGroup[] {
  const group = (entry: SynonymSet, kind: SynonymGroup['kind']): SynonymGroup => ({
    id: entry.id,
    kind,
    general: entry.general ?? false,
    profession: entry.profession ?? false,
    technical: entry.technical ?? false,
    role: entry.role ?? false,
    superlative: entry.superlative ?? false,
    aspect: entry.aspect ?? false,
    track: entry.track ?? false,
    terms: withColloquialSpellings(entry.terms).map((text) => ({
      text,
      key: termKey(text).key,
      tokens: [...new Set(tokenize(text))],
    })),
    broader: [],
  });
  const groups = [
    ...glossary.entries.map((entry) => group(entry, entry.soft ? 'soft' : 'topic')),
    ...glossary.generic.map((entry) => group(entry, 'generic')),
  ];
  const byId = new Map(groups.map((entry) => [entry.id, entry]));
  for (const entry of [...glossary.entries, ...glossary.generic]) {
    const owner = byId.get(entry.id);
    for (const id of entry.broader ?? []) owner?.broader.push(lookup(byId, id, entry.id));
  }
  return groups;
}

function lookup(groups: Map<string, SynonymGroup>, id: string, from: string): SynonymGroup {
  const found = groups.get(id);
  if (!found) throw new Error(`glossary: entry ${from} refers to unknown entry ${id}`);
  return found;
}

function addToTable(table: TermTable, mapKey: string, term: GlossaryTerm): void {
  const key = mapKey.slice(2);
  if (mapKey.startsWith('h:')) {
    table.hanTerms.push({ compact: key, term });
    return;
  }
  const atoms = key.split(' ');
  const bucket = table.latinTerms.get(atoms[0] ?? '') ?? [];
  bucket.push({ atoms, term });
  table.latinTerms.set(atoms[0] ?? '', bucket);
}

/** A table of plain words (negation cues): matched like terms, belonging to no group. */
function wordTable(words: string[]): TermTable {
  const table: TermTable = { hanTerms: [], latinTerms: new Map() };
  for (const text of words) {
    const { han, key } = termKey(text);
    if (key !== '')
      addToTable(table, `${han ? 'h' : 'l'}:${key}`, {
        text,
        key,
        groups: [],
        filler: false,
        scope: 'general',
      });
  }
  return table;
}

function cueRewrite(
  cues: string[],
  links: Array<{ from: string; to: string[] }>,
  groups: SynonymGroup[],
): CueRewrite {
  const byId = new Map(groups.map((entry) => [entry.id, entry]));
  const into = new Map<string, SynonymGroup>();
  for (const { from, to } of links) {
    for (const id of to) into.set(lookup(byId, id, from).id, lookup(byId, from, from));
  }
  return { cues: wordTable(cues), into };
}

/** Every term text once, with all the groups it belongs to; filler marks words no group claims. */
function collectTerms(groups: SynonymGroup[], filler: string[]): Map<string, GlossaryTerm> {
  const terms = new Map<string, GlossaryTerm>();
  const termFor = (text: string) => {
    const { han, key } = termKey(text);
    const mapKey = `${han ? 'h' : 'l'}:${key}`;
    const known = terms.get(mapKey);
    if (known || key === '') return known;
    const term: GlossaryTerm = { text, key, groups: [], filler: false, scope: 'general' };
    terms.set(mapKey, term);
    return term;
  };
  for (const group of groups) {
    for (const { text } of group.terms) {
      const term = termFor(text);
      if (term && !term.groups.includes(group)) term.groups.push(group);
    }
  }
  for (const text of filler) {
    const term = termFor(text);
    if (term) term.filler = term.groups.length === 0;
  }
  return terms;
}

/** Compiles a glossary into lookup tables; generic and filler words are matched like terms. */
export function compileGlossary(source: Glossary): GlossaryMatcher {
  const glossary = glossarySchema.parse(source);
  const groups = synonymGroups(glossary);
  const terms = collectTerms(groups, glossary.filler);
  assignScopes([...terms.values()]);
  const links = (pick: (entry: SynonymSet) => string[] | undefined) =>
    glossary.entries.map((entry) => ({ from: entry.id, to: pick(entry) ?? [] }));
  const matcher: GlossaryMatcher = {
    hanTerms: [],
    latinTerms: new Map(),
    generic: new Set(glossary.generic.flatMap((entry) => entry.terms).map((text) => normalizeText(text))),
    rewrites: [
      cueRewrite(
        glossary.negation,
        links((entry) => entry.negates),
        groups,
      ),
      {
        ...cueRewrite(
          glossary.persona,
          links((entry) => entry.personas),
          groups,
        ),
        followers: wordTable(glossary.switching),
      },
    ],
    companions: wordTable(glossary.companion),
    alternatives: wordTable(glossary.alternative),
    requests: wordTable(glossary.request),
    knowsDomain: [...terms.values()].some((term) => term.scope === 'domain'),
  };
  for (const [mapKey, term] of terms) addToTable(matcher, mapKey, term);
  return matcher;
}
