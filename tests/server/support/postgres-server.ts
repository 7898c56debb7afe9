import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const COMMAND_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;

/** A throwaway Postgres cluster in a temp dir, listening on 127.0.0.1 on a free port. */
export interface PostgresServer {
  port: number;
  /** Connection URL of `database`, optionally with its own `search_path`. */
  url(database: string, schema?: string): string;
  /** Runs one statement as the superuser against `database` (default `postgres`). */
  sql(statement: string, database?: string): Promise<void>;
  timings: { initdbMs: number; startMs: number };
  /** Stops the server process (terminating every connection) but keeps its data, for `resume`. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

interface Toolchain {
  binDir: string;
  /** Prefix that runs a command as a non-root user, empty when we are not root. */
  asUser: string[];
  user: { uid: number; gid: number } | null;
}

/** Debian keeps each major version in /usr/lib/postgresql/<n>/bin; the newest wins, then the PATH. */
function findBinDir(): string | null {
  const debianRoot = '/usr/lib/postgresql';
  const candidates = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(debianRoot, version, 'bin'))
    : [];
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return (
    candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ??
    null
  );
}

/** initdb refuses to run as root: as root, use the `postgres` system user the Debian package creates. */
function postgresUser(): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
}

/** Why Postgres cannot run here, or the tools to run it with. */
export function findPostgres(): Toolchain | { missing: string } {
  const binDir = findBinDir();
  if (!binDir) return { missing: 'initdb/pg_ctl not found (apt-get install -y postgresql)' };
  if (process.getuid?.() !== 0) return { binDir, asUser: [], user: null };
  const user = postgresUser();
  if (!user) return { missing: 'running as root and there is no `postgres` user to run initdb as' };
  return { binDir, asUser: ['runuser', '-u', 'postgres', '--'], user };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}

/**
 * Starts a cluster for one test file: `initdb` then `pg_ctl start` on a free port with its socket in the
 * temp dir. In CI (`CI=true`) a missing Postgres is an error, so the suite fails instead of skipping.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const found = findPostgres();
  if ('missing' in found) throw new Error(`Postgres is needed for these tests: ${found.missing}`);
  const { binDir, asUser, user } = found;
  // As root, TMPDIR may point somewhere the postgres user cannot enter; /tmp is open to every user.
  const dir = mkdtempSync(path.join(user ? '/tmp' : tmpdir(), 'aipm-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const tool = (name: string, args: string[]) => {
    const [command = '', ...prefix] = [...asUser, path.join(binDir, name)];
    return run(command, [...prefix, ...args], { cwd: dir, timeout: COMMAND_TIMEOUT_MS });
  };
  const pgCtl = (args: string[]) =>
    tool('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), ...args]);

  try {
    const initdbMs = await timed(() =>
      tool('initdb', [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--no-sync',
        '-E',
        'UTF8',
        '--locale=C',
      ]),
    );
    let port = 0;
    let startMs = 0;
    const start = (on: number) =>
      pgCtl(['-w', '-t', '30', '-o', `-p ${on} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
    for (let attempt = 1; port === 0; attempt += 1) {
      const candidate = await freePort();
      try {
        startMs = await timed(() => start(candidate));
        port = candidate;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt >= START_ATTEMPTS) throw error;
      }
    }
    const url = (database: string, schema?: string) => {
      const options = schema ? `?options=${encodeURIComponent(`-c search_path=${schema}`)}` : '';
      return `postgres://postgres@127.0.0.1:${port}/${database}${options}`;
    };
    return {
      port,
      url,
      timings: { initdbMs, startMs },
      async sql(statement, database = 'postgres') {
        const client = new pg.Client({ connectionString: url(database) });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
      async halt() {
        await pgCtl(['-m', 'fast', '-w', '-t', '30', 'stop']);
      },
      async resume() {
        await start(port);
      },
      async stop() {
        await pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
    const log = existsSync(path.join(dir, 'server.log'))
      ? readFileSync(path.join(dir, 'server.log'), 'utf8')
      : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Postgres did not start: ${(error as Error).message}\n${log}`);
  }
}

/**
 * `describe` for suites that need Postgres: they run when it can run here, and in CI even when it cannot
 * (their `startPostgres` then fails loudly). Locally without Postgres they are skipped with a warning.
 */
export function postgresDescribe<Describe extends { skip: unknown }>(
  describe: Describe,
): Describe | Describe['skip'] {
  const found = findPostgres();
  if (!('missing' in found) || process.env.CI) return describe;
  console.warn(
    `Skipping Postgres tests: ${found.missing}. CI runs them (CI=true makes a missing Postgres fail).`,
  );
  return describe.skip;
}
