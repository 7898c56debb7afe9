import { createRedactor } from './log-redaction.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * One JSON object per line, so a request id can be grepped across every line it produced. Every line is
 * redacted before it is written: the configured `secrets`, and anything bearer- or key-shaped.
 */
export function createLogger(
  level: Level | 'silent' = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  options: { secrets?: Array<string | null | undefined> } = {},
): Logger {
  const redact = createRedactor(options.secrets ?? []);
  const emit =
    (at: Level) =>
    (event: string, fields: LogFields = {}) => {
      if (RANK[at] < RANK[level]) return;
      write(redact(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields })));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps its lines in memory: for tests and for tools that report what they saw. */
export function createMemoryLogger(): Logger & { lines: Array<LogFields & { level: Level; event: string }> } {
  const lines: Array<LogFields & { level: Level; event: string }> = [];
  const keep =
    (level: Level) =>
    (event: string, fields: LogFields = {}) => {
      lines.push({ ...fields, level, event });
    };
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}
