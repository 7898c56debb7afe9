/**
 * `npx tsx bench/unit-cost.ts [corpus-dir] [warm-up-dir] [rounds]`: what splitting a passage into quotable
 * units costs (`parseTextUnits`, run on every passage an extractive answer quotes or a citation highlights),
 * per section of a corpus (default `corpus/`). The code is first warmed on another corpus's sections
 * (default `tests/eval/corpora/dev`), so "first sight" is a passage seen for the first time by a running
 * server; "again" is the same passages `rounds` more times (default 20). Wall and CPU time per passage;
 * prints only, not a test and not part of `npm run bench`.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseTextUnits } from '../server/answer/markdown-units.js';
import { createMemoryLogger } from '../server/logger.js';
import { chunkDocument } from '../server/retrieval/chunk-markdown.js';
import { loadCorpus } from '../server/retrieval/load-corpus.js';
import { root } from './bench-root.js';

async function passagesOf(folder: string): Promise<string[]> {
  const documents = await loadCorpus({ dir: path.resolve(root, folder), logger: createMemoryLogger() });
  return documents.flatMap((document) => chunkDocument(document)).map((chunk) => chunk.text);
}

/** Mean wall and CPU microseconds per passage over `rounds` passes. */
function perPassage(passages: string[], rounds: number): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const text of passages) parseTextUnits(text);
  const cpu = process.cpuUsage(cpuBefore);
  const count = passages.length * rounds;
  return { wall: ((performance.now() - started) * 1000) / count, cpu: (cpu.user + cpu.system) / count };
}

const [folder = 'corpus', warmUpFolder = 'tests/eval/corpora/dev', rounds = '20'] = process.argv.slice(2);
const passages = await passagesOf(folder);
perPassage(await passagesOf(warmUpFolder), 3);
const first = perPassage(passages, 1);
const again = perPassage(passages, Number(rounds));
const units = passages.reduce((sum, text) => sum + parseTextUnits(text).length, 0);
const characters = passages.reduce((sum, text) => sum + text.length, 0);
const show = ({ wall, cpu }: { wall: number; cpu: number }) =>
  `${wall.toFixed(1)} µs wall, ${cpu.toFixed(1)} µs CPU per passage`;
console.log(`${passages.length} passages (${characters} characters, ${units} units) of ${folder}`);
console.log(`first sight: ${show(first)}`);
console.log(`again (${rounds} rounds): ${show(again)}`);
console.log(
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
