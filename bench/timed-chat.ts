/**
 * The load bench's client side: one /api/chat read as a stream (time to first answer text and to the end of
 * the stream), and /api/health sampled while a load runs. Every fetch failure (ECONNRESET, refused, a timeout)
 * becomes a counted outcome, never a thrown error, so one reset cannot end the run.
 */

/** How one chat ended: `status` is the HTTP status, or `network:<code>` / `timeout` when none came back. */
export interface ChatOutcome {
  status: string;
  /** A `finish` part arrived: the user saw a whole answer. */
  completed: boolean;
  /** `llm`, `search`, `fallback:<reason>`, or `none` when no metadata arrived. */
  mode: string;
  firstContentMs: number | null;
  totalMs: number;
}

const FIRST_CONTENT = '"type":"text-delta"';
const FINISH = '"type":"finish"';

/** The code a failed fetch carries in its cause (ECONNRESET, UND_ERR_SOCKET …), else its name. */
export function failureName(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const name = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `network:${name}`;
}

function modeOf(body: string): string {
  const mode = [...body.matchAll(/"mode":"(\w+)"/g)].at(-1)?.[1] ?? 'none';
  const reason = [...body.matchAll(/"fallbackReason":"([\w-]+)"/g)].at(-1)?.[1];
  return reason ? `${mode}:${reason}` : mode;
}

/** Reads the stream as it comes, noting when the first answer text arrives. */
async function readStream(response: Response, startedAt: number) {
  const decoder = new TextDecoder();
  let body = '';
  let firstContentMs: number | null = null;
  if (response.body) {
    for await (const bytes of response.body) {
      body += decoder.decode(bytes as Uint8Array, { stream: true });
      if (firstContentMs === null && body.includes(FIRST_CONTENT))
        firstContentMs = performance.now() - startedAt;
    }
  }
  return { body, firstContentMs };
}

/** Asks one question; resolves with its outcome whatever happens, within `timeoutMs`. */
export async function timedChat(baseUrl: string, question: string, timeoutMs: number): Promise<ChatOutcome> {
  const startedAt = performance.now();
  let status = 'none';
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [{ id: 'q', role: 'user', parts: [{ type: 'text', text: question }] }],
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = String(response.status);
    const { body, firstContentMs } = await readStream(response, startedAt);
    const completed = response.status === 200 && body.includes(FINISH);
    return { status, completed, mode: modeOf(body), firstContentMs, totalMs: performance.now() - startedAt };
  } catch (error) {
    // A stream cut after its status arrived still counts under that status, as not completed.
    const failed = status === 'none' ? failureName(error) : `${status} cut (${failureName(error)})`;
    return {
      status: failed,
      completed: false,
      mode: 'none',
      firstContentMs: null,
      totalMs: performance.now() - startedAt,
    };
  }
}

export interface HealthSamples {
  /** Latency of each 200 answer. */
  okMs: number[];
  /** Every other outcome by status or failure name. */
  failures: string[];
}

/** Samples /api/health every `everyMs` until `done` settles; each check is bounded by `timeoutMs`. */
export async function sampleHealth(
  baseUrl: string,
  done: Promise<unknown>,
  { everyMs, timeoutMs }: { everyMs: number; timeoutMs: number },
): Promise<HealthSamples> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const samples: HealthSamples = { okMs: [], failures: [] };
  while (!finished) {
    const startedAt = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
      await response.text();
      if (response.status === 200) samples.okMs.push(performance.now() - startedAt);
      else samples.failures.push(String(response.status));
    } catch (error) {
      samples.failures.push(failureName(error));
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return samples;
}

/** The nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

/** `value × count` for each distinct value, commonest first; `none` for an empty list. */
export function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const entries = [...counts.entries()].sort((left, right) => right[1] - left[1]);
  return entries.length === 0 ? 'none' : entries.map(([value, count]) => `${value} × ${count}`).join(', ');
}
