/**
 * `npm run bench`: runs each bench in its own process, so one's heap does not skew another's timings:
 * bench/retrieval-bench.ts (the retriever beside plain Orama at the default corpus and ~50k sections, with
 * ratios), bench/chat-overhead.ts (the /api/chat overhead before the first token, and the OpenAI-compatible
 * face against /api/chat) and bench/cold-start-bench.ts (process start to /api/health ok, with and without an
 * index snapshot, at the default corpus and ~50k sections) and bench/load-bench.ts (200 concurrent chats in search
 * and in LLM mode against the real server process, with /api/health latency during the load) and
 * bench/hostile-probes.ts (hostile and heavy-traffic probes against the real server process, one table).
 * Prints only; no assertions (timings on a shared machine are noisy).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './bench-root.js';

function runBench(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(root, 'bench', file)],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

let failed = 0;
for (const file of [
  'retrieval-bench.ts',
  'chat-overhead.ts',
  'cold-start-bench.ts',
  'load-bench.ts',
  'hostile-probes.ts',
]) {
  failed += (await runBench(file)) === 0 ? 0 : 1;
  process.stdout.write('\n');
}
process.exitCode = failed === 0 ? 0 : 1;
