/**
 * One cold start of the production server for the cold-start bench: spawn `node dist/server/index.js`, note when
 * it logs `server_listening`, poll /api/health until `ok`, and read the server's own `retrieval_indexed` time.
 * A failed health check (ECONNRESET while the index build holds the event loop, a refused connection, a check
 * timeout) is counted and polling goes on; a server that exits first ends the start with its exit code and the
 * tail of its stderr instead of throwing, so the bench always finishes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { failureName } from './timed-chat.js';

export const POLL_MS = 50;
const CHECK_TIMEOUT_MS = 60_000;
const STDERR_TAIL_LINES = 12;

export interface ColdStart {
  /** Spawn → the `server_listening` log line. */
  listeningMs: number;
  /** Spawn → the first health answer of any status (the event loop was free to answer). */
  firstAnswerMs: number;
  /** Spawn → /api/health 200 `ok`; NaN when it never came. */
  okMs: number;
  warmingAnswers: number;
  /** Health checks that failed without an answer, by failure name. */
  failedChecks: string[];
  longestCheckMs: number;
  /** The server's own `retrieval_indexed` time: index build or snapshot load, without process start. */
  indexMs: number;
  snapshot: string;
  /** Set when the start did not reach `ok`: why, the child's exit code and its last stderr lines. */
  failure?: { reason: string; exit: Exit | null; stderrTail: string[] };
}

/** How the child ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: string | null;
}

interface Child {
  process: ChildProcess;
  logs: string[];
  listeningMs: Promise<{ port: number; ms: number }>;
  exited: Promise<Exit>;
}

export interface Launch {
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A start not `ok` by then is stopped and reported as such, so the bench ends in bounded time. */
  deadlineMs: number;
}

function spawnServer({ entry, cwd, env }: Launch, startedAt: number): Child {
  const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const logs: string[] = [];
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Exit);
  const listeningMs = new Promise<{ port: number; ms: number }>((resolve, reject) => {
    void exited.then(() => reject(new Error('exited before listening')));
    if (!child.stderr) throw new Error('server stderr is not piped');
    createInterface({ input: child.stderr }).on('line', (line) => {
      logs.push(line);
      const port = /"event":"server_listening".*?"port":(\d+)/.exec(line)?.[1];
      if (port) resolve({ port: Number(port), ms: performance.now() - startedAt });
    });
  });
  listeningMs.catch(() => undefined);
  return { process: child, logs, listeningMs, exited };
}

type Poll = Pick<ColdStart, 'firstAnswerMs' | 'okMs' | 'warmingAnswers' | 'failedChecks' | 'longestCheckMs'>;

/** Polls until `ok`, the child's exit or the deadline; never throws. */
async function pollHealth(
  port: number,
  startedAt: number,
  deadlineMs: number,
  exited: () => boolean,
): Promise<Poll> {
  const poll: Poll = {
    firstAnswerMs: Number.NaN,
    okMs: Number.NaN,
    warmingAnswers: 0,
    failedChecks: [],
    longestCheckMs: 0,
  };
  while (!exited() && performance.now() - startedAt < deadlineMs) {
    const checkStarted = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => ({}))) as { status?: string };
      const now = performance.now();
      if (Number.isNaN(poll.firstAnswerMs)) poll.firstAnswerMs = now - startedAt;
      poll.longestCheckMs = Math.max(poll.longestCheckMs, now - checkStarted);
      if (response.status === 200 && body.status === 'ok') return { ...poll, okMs: now - startedAt };
      poll.warmingAnswers += 1;
    } catch (error) {
      poll.failedChecks.push(failureName(error));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return poll;
}

function indexedFrom(logs: string[]): Pick<ColdStart, 'indexMs' | 'snapshot'> {
  const line = logs.find((entry) => entry.includes('"event":"retrieval_indexed"')) ?? '';
  return {
    indexMs: Number(/"ms":(\d+)/.exec(line)?.[1] ?? Number.NaN),
    snapshot: /"snapshot":"(\w+)"/.exec(line)?.[1] ?? 'unknown',
  };
}

/** The last lines that say something: the access-log lines of the health polls are left out. */
function stderrTail(logs: string[]): string[] {
  return logs.filter((line) => !line.includes('"event":"http_request"')).slice(-STDERR_TAIL_LINES);
}

/** Starts the server once and measures it; stops it with SIGTERM afterwards. */
export async function coldStart(launch: Launch): Promise<ColdStart> {
  const startedAt = performance.now();
  const child = spawnServer(launch, startedAt);
  let exit: Exit | undefined;
  void child.exited.then((ended) => {
    exit = ended;
  });
  const empty: Poll = {
    firstAnswerMs: Number.NaN,
    okMs: Number.NaN,
    warmingAnswers: 0,
    failedChecks: [],
    longestCheckMs: 0,
  };
  const listening = await child.listeningMs.catch(() => null);
  const poll = listening
    ? await pollHealth(listening.port, startedAt, launch.deadlineMs, () => exit !== undefined)
    : empty;
  const exitedByItself = exit !== undefined;
  if (!exitedByItself) {
    child.process.kill('SIGTERM');
    await child.exited;
  }
  const run: ColdStart = { listeningMs: listening?.ms ?? Number.NaN, ...poll, ...indexedFrom(child.logs) };
  if (Number.isNaN(run.okMs)) {
    const reason = exitedByItself ? 'server exited' : `health not ok within ${launch.deadlineMs / 1000} s`;
    return {
      ...run,
      failure: {
        reason,
        exit: exitedByItself ? (exit ?? null) : null,
        stderrTail: stderrTail(child.logs),
      },
    };
  }
  return run;
}
