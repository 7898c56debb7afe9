import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ConceptScope } from './query-concept.js';
import { normalizeText, stemWord } from './tokenizer.js';

export const synonymSetSchema = z.object({
  id: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
  /** A question-type hint (what is → 定义): rewards a match, never required. */
  soft: z.boolean().optional(),
  /** Everyday vocabulary (routine, highest, job): alone it does not put a question in scope. */
  general: z.boolean().optional(),
  /** Names the profession (PM, 产品经理) but not its AI side: alone it ties a question to the domain weakly. */
  profession: z.boolean().optional(),
  /**
   * Model-engineering vocabulary (training, inference, LLM): the corpus names it only as engineers' work, so
   * a question about nothing else (`how do I train an LLM`) needs a section about it, not a mention.
   */
  technical: z.boolean().optional(),
  /**
   * Names a person on the team (PM, model engineer): in `PM vs ML engineer, what does the PM own?` the role
   * asked about leads the ranking and the role it is contrasted with follows.
   */
  role: z.boolean().optional(),
  /** A superlative (most, 最多): it still counts inside a longer phrase (`most openings`, `招人最多`). */
  superlative: z.boolean().optional(),
  /**
   * Names an aspect every role's section is split into (skills, deliverables, 日常工作): a section headed by
   * the aspect asked about outranks one that only mentions the question's other words.
   */
  aspect: z.boolean().optional(),
  /**
   * Names one kind of AI PM (平台, growth): the sections under that kind's heading outrank the same
   * aspect of other kinds, however common the word is in the corpus.
   */
  track: z.boolean().optional(),
  /** Ids of wider sets a term implies (金融 → 行业): a banker's question also reaches industry sections. */
  broader: z.array(z.string().min(1)).optional(),
  /** Ids of sets whose negation this set means: non-cs negates technical (`not technical` → 非技术背景). */
  negates: z.array(z.string().min(1)).optional(),
  /** Ids of sets that, said of oneself, mean this set: `as a backend engineer` → a technical background. */
  personas: z.array(z.string().min(1)).optional(),
});

export const glossarySchema = z.object({
  generic: z.array(synonymSetSchema),
  filler: z.array(z.string().min(1)),
  /** Words that negate the term after them (not, without, 没有): see `negates`. */
  negation: z.array(z.string().min(1)).default([]),
  /** Words that introduce the asker's own background (as a, I'm a, 作为): see `personas`. */
  persona: z.array(z.string().min(1)).default([]),
  /** Words right AFTER a term that make it the asker's background too (程序员转…, engineers moving into…). */
  switching: z.array(z.string().min(1)).default([]),
  /** Words that make the role after them a counterpart, not the one asked about (with, vs, 跟): see `role`. */
  companion: z.array(z.string().min(1)).default([]),
  /** Words that offer the role after them as a choice (or, 还是): `engineer or PM?` asks about neither. */
  alternative: z.array(z.string().min(1)).default([]),
  /** Phrases asking the assistant to produce something for the asker (write my, 帮我写): a task, not a question. */
  request: z.array(z.string().min(1)).default([]),
  entries: z.array(synonymSetSchema),
});

/** The curated bilingual vocabulary (corpus/glossary.json). */
export type Glossary = z.input<typeof glossarySchema>;

/** A synonym set: a glossary entry, or a group of domain-generic words (ai, 产品经理, role). */
export interface SynonymGroup {
  id: string;
  kind: 'topic' | 'soft' | 'generic';
  /** Everyday vocabulary (routine, highest, finance): alone it does not make a question about the domain. */
  general: boolean;
  /** Product-management words without the AI (PM, manager): a weak tie to the domain. */
  profession: boolean;
  /** Model-engineering vocabulary (see the schema's `technical`). */
  technical: boolean;
  /** Names a person on the team (see the schema's `role`). */
  role: boolean;
  /** A superlative (see the schema's `superlative`). */
  superlative: boolean;
  /** Names a per-role aspect (see the schema's `aspect`). */
  aspect: boolean;
  /** Names one kind of AI PM (see the schema's `track`). */
  track: boolean;
  /** `key`: the normalized form matching compares (whitespace-free Han, stemmed Latin words). */
  terms: Array<{ text: string; key: string; tokens: string[] }>;
  /** Wider sets a match implies; their terms join the concept at a lower weight. */
  broader: SynonymGroup[];
}

/** A matchable term; an ambiguous word (`output`) belongs to several groups and expands to all of them. */
export interface GlossaryTerm {
  text: string;
  key: string;
  groups: SynonymGroup[];
  /** Question filler (`tell me`, `一下`): matched only to be dropped. */
  filler: boolean;
  /** How strongly the term ties a question to AI product management (see term-scope.ts). */
  scope: ConceptScope;
}

/** A term table: Han terms by compact text, Latin terms by their first word. */
export interface TermTable {
  hanTerms: Array<{ compact: string; term: GlossaryTerm }>;
  latinTerms: Map<string, Array<{ atoms: string[]; term: GlossaryTerm }>>;
}

/** Cue words that, shortly before a term of certain groups, turn it into another group's term. */
export interface CueRewrite {
  cues: TermTable;
  /** Cue words that act from right after the term instead (`程序员转 AI 产品`). */
  followers?: TermTable;
  /** Group id of the term after the cue → the group the two words mean together. */
  into: Map<string, SynonymGroup>;
}

/** The glossary compiled for matching. */
export interface GlossaryMatcher extends TermTable {
  /** Normalized domain-generic words, for leftover query words the term tables did not catch. */
  generic: Set<string>;
  /** Negation (`not technical` → non-cs), then self-description (`as an engineer` → technical). */
  rewrites: CueRewrite[];
  /** Cue words before a role that make it the counterpart (`with`, `vs`, `跟`). */
  companions: TermTable;
  /** Cue words before a role that make the question a choice between roles (`or`, `还是`). */
  alternatives: TermTable;
  /** Phrases that make the question a request for work (`write my PRDs`): the corpus answers none. */
  requests: TermTable;
  /** False without domain vocabulary (no glossary): nothing then tells domain words from everyday ones. */
  knowsDomain: boolean;
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

/** The normalized form a term is matched by: whitespace-free Han, or stemmed Latin atoms. */
export function termKey(text: string): { han: boolean; key: string } {
  const normalized = normalizeText(text);
  if (HAN.test(normalized)) return { han: true, key: normalized.replace(/\s+/g, '') };
  return {
    han: false,
    key: latinAtoms(normalized)
      .map((atom) => atom.atom)
      .join(' '),
  };
}
