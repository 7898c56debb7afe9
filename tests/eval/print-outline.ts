/**
 * `npx tsx tests/eval/print-outline.ts <corpus-dir>`: every section id of a corpus with its heading path, so eval
 * authors can write `expected` ids without reading the retrieval code. Ids are `<doc path without .md>#<anchor>`.
 */
import path from 'node:path';
import { createLogger } from '../../server/logger.js';
import { chunkDocument } from '../../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../../server/retrieval/load-corpus.js';

const dir = path.resolve(process.argv[2] ?? 'corpus');
const documents = await loadCorpus({ dir, logger: createLogger('warn') });
for (const document of documents) {
  process.stdout.write(`\n# ${document.title}  (${document.path})\n`);
  for (const chunk of chunkDocument(document)) {
    const indent = '  '.repeat(Math.max(0, chunk.depth - 1));
    process.stdout.write(`${indent}${chunk.id}    ${chunk.headings.join(' › ')}\n`);
  }
}
