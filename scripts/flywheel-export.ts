/**
 * `npm run flywheel:export [-- --out <file>|-|--stdout]`: writes every 👎 answer and every not-covered
 * question as golden-set candidates (JSONL, `reviewed: false`) for a person to review before they join the eval.
 * `--out -` and `--stdout` both write to stdout; the summary always goes to stderr. Reads the same store as the
 * server: Postgres when DATABASE_URL is set, else SQLite in DATA_DIR.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { toGoldenLine } from '../server/store/eval-candidates.js';
import { openConfiguredStore, storeBackend } from '../server/store/open-feedback-store.js';

const DEFAULT_OUT = 'reports/flywheel-candidates.jsonl';

function readOutPath(): string {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o', default: DEFAULT_OUT }, stdout: { type: 'boolean' } },
  });
  return values.stdout ? '-' : values.out;
}

async function main(): Promise<void> {
  const out = readOutPath();
  // Same as the server: a local .env fills in what the environment leaves unset.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // Logs go to stderr only for warnings: stdout may be the JSONL itself.
  const store = await openConfiguredStore({ config, logger: createLogger('warn') });
  const source = storeBackend(config) === 'postgres' ? 'Postgres (DATABASE_URL)' : config.dataDir;
  try {
    const candidates = await store.exportCandidates();
    const jsonl = candidates.map((candidate) => `${toGoldenLine(candidate)}\n`).join('');
    if (out === '-') {
      process.stdout.write(jsonl);
    } else {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, jsonl);
    }
    const fromFeedback = candidates.filter((candidate) => candidate.source === 'feedback').length;
    process.stderr.write(
      `flywheel:export ${candidates.length} candidates (${fromFeedback} from feedback, ` +
        `${candidates.length - fromFeedback} from gaps) from ${source} → ${out === '-' ? 'stdout' : out}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`flywheel:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
