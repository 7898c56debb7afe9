import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../server/logger.js';
import { createRetriever } from '../../server/retrieval/create-retriever.js';
import { loadCorpus } from '../../server/retrieval/load-corpus.js';
import type { RetrievalRules } from '../../server/retrieval/rules.js';
import type { ExplainableRetriever, SourceDocument } from '../../server/retrieval/types.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `blind` was written before any tuning and is never edited because of a miss; `dev` is what we tune on. */
export type Split = 'blind' | 'dev';

/** One question set asked of one corpus (one or several folders loaded together). */
export interface Suite {
  name: string;
  split: Split;
  corpora: string[];
  set: string;
}

const FOUNDING = 'corpus';
const DEV_CORPUS = 'tests/eval/corpora/dev';
/** A second, larger dev corpus so thresholds and cross-lingual rules are not fitted to six documents. */
const DEV_MORE_CORPUS = 'tests/eval/corpora/dev-more';
/** Documents nobody tuning retrieval has read, with questions written before any run (`fresh-*.jsonl`). */
const BLIND_CORPUS = 'tests/eval/corpora/blind';

/**
 * Every suite, blind first and the fresh blind split (documents and questions no one has tuned on) before the
 * older one, which has been looked at. Loading the founding document beside the other authors' documents (and
 * the reverse) checks that neither crowds the other out.
 */
export const SUITES: Suite[] = [
  {
    name: 'fresh corpus',
    split: 'blind',
    corpora: [BLIND_CORPUS],
    set: 'tests/eval/blind/fresh-corpus.jsonl',
  },
  {
    name: 'fresh founding',
    split: 'blind',
    corpora: [FOUNDING],
    set: 'tests/eval/blind/fresh-founding.jsonl',
  },
  {
    name: 'fresh corpus + founding',
    split: 'blind',
    corpora: [BLIND_CORPUS, FOUNDING],
    set: 'tests/eval/blind/fresh-corpus.jsonl',
  },
  {
    name: 'fresh founding + others',
    split: 'blind',
    corpora: [FOUNDING, BLIND_CORPUS],
    set: 'tests/eval/blind/fresh-founding.jsonl',
  },
  { name: 'founding', split: 'blind', corpora: [FOUNDING], set: 'tests/eval/blind/founding.jsonl' },
  { name: 'dev corpus', split: 'blind', corpora: [DEV_CORPUS], set: 'tests/eval/blind/dev-corpus.jsonl' },
  {
    name: 'founding + others',
    split: 'blind',
    corpora: [FOUNDING, DEV_CORPUS],
    set: 'tests/eval/blind/founding.jsonl',
  },
  {
    name: 'dev corpus + founding',
    split: 'blind',
    corpora: [DEV_CORPUS, FOUNDING],
    set: 'tests/eval/blind/dev-corpus.jsonl',
  },
  { name: 'founding', split: 'dev', corpora: [FOUNDING], set: 'tests/eval/dev/founding.jsonl' },
  { name: 'dev corpus', split: 'dev', corpora: [DEV_CORPUS], set: 'tests/eval/dev/dev-corpus.jsonl' },
  {
    name: 'dev corpus + founding',
    split: 'dev',
    corpora: [DEV_CORPUS, FOUNDING],
    set: 'tests/eval/dev/dev-corpus.jsonl',
  },
  // The founding questions asked with other authors' documents loaded too: a change that helps their
  // questions by crowding the founding document out shows here.
  {
    name: 'founding + others',
    split: 'dev',
    corpora: [FOUNDING, DEV_CORPUS, DEV_MORE_CORPUS],
    set: 'tests/eval/dev/founding.jsonl',
  },
  { name: 'dev more', split: 'dev', corpora: [DEV_MORE_CORPUS], set: 'tests/eval/dev/dev-more.jsonl' },
  {
    name: 'dev more + founding',
    split: 'dev',
    corpora: [DEV_MORE_CORPUS, FOUNDING],
    set: 'tests/eval/dev/dev-more.jsonl',
  },
];

const documents = new Map<string, Promise<SourceDocument[]>>();

async function corpusDocuments(folder: string): Promise<SourceDocument[]> {
  const loaded =
    documents.get(folder) ?? loadCorpus({ dir: path.join(root, folder), logger: createLogger('warn') });
  documents.set(folder, loaded);
  return loaded;
}

/** The retriever over a suite's corpora, with some rules switched off when ablating. */
export async function suiteRetriever(
  suite: Suite,
  rules?: Partial<RetrievalRules>,
): Promise<ExplainableRetriever> {
  const loaded = await Promise.all(suite.corpora.map(corpusDocuments));
  return createRetriever({ documents: loaded.flat(), logger: createLogger('warn'), rules });
}
