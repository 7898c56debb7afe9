import { statSync } from 'node:fs';
import type { Logger } from '../logger.js';
import { StoreUnavailableError } from './feedback-store.js';

interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

function identityOf(file: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(file, { bigint: true });
    return { dev, ino };
  } catch {
    return null;
  }
}

/** SQLite codes after which nothing this connection writes or reads can be trusted again. */
function isBrokenDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_READONLY_DBMOVED')
  );
}

export interface FileGuard {
  /** Runs one statement or transaction between two identity checks; throws StoreUnavailableError instead. */
  run<Result>(work: () => Result): Result;
  /** False once the file was deleted, replaced or found corrupt; stays false until the store is reopened. */
  healthy(): boolean;
}

/**
 * Guards a database file against being deleted or replaced under the open connection. SQLite keeps writing to
 * the old inode in that case, and every commit would be acknowledged and then vanish with the process.
 * One `stat` before and one after each transaction (a few microseconds) catches it: the check after the commit
 * is what makes it safe, because a write is acknowledged only if the file it went to is still the one at the path.
 */
export function createFileGuard(file: string, logger: Logger): FileGuard {
  const opened = identityOf(file);
  let broken: string | null = opened ? null : 'the database file disappeared right after opening';

  const markBroken = (reason: string) => {
    if (broken) return;
    broken = reason;
    logger.error('store_file_untrusted', { file, reason });
  };
  const check = () => {
    if (!broken) {
      const current = identityOf(file);
      if (!current) markBroken('the database file was deleted');
      else if (opened && (current.dev !== opened.dev || current.ino !== opened.ino)) {
        markBroken('the database file was replaced');
      }
    }
    if (broken) throw new StoreUnavailableError(`SQLite store unusable: ${broken}`);
  };

  return {
    run(work) {
      check();
      let result: ReturnType<typeof work>;
      try {
        result = work();
      } catch (error) {
        if (isBrokenDatabase(error)) {
          markBroken(`the database is damaged (${(error as Error).message})`);
          throw new StoreUnavailableError(`SQLite store unusable: ${broken}`, { cause: error });
        }
        throw error;
      }
      check();
      return result;
    },
    healthy() {
      try {
        check();
        return true;
      } catch {
        return false;
      }
    },
  };
}
