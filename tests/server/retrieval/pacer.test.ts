import { describe, expect, it } from 'vitest';
import { mapPaced, runNow, runPaced, type Work } from '../../../server/retrieval/pacer.js';

/** Busy for about a millisecond: a stand-in for one entry of a long table build. */
function busyStep(): void {
  const until = performance.now() + 1;
  while (performance.now() < until) {
    // spin
  }
}

/** A long build that stops early once it sees that a callback waiting on the event loop has run. */
function* buildWatching(flag: { ran: boolean }): Work<{ sawCallback: boolean }> {
  for (let step = 0; step < 500; step++) {
    if (flag.ran) return { sawCallback: true };
    busyStep();
    yield;
  }
  return { sawCallback: false };
}

function* squares(count: number): Work<number[]> {
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    out.push(n * n);
    yield;
  }
  return out;
}

describe('pacing a long build', () => {
  it('gives the same result run at once or paced', async () => {
    expect(await runPaced(squares(1_000))).toEqual(runNow(squares(1_000)));
    expect(await mapPaced([1, 2, 3], (n) => n * 2)).toEqual([2, 4, 6]);
  });

  it('lets a request waiting on the event loop be served before a paced build ends', async () => {
    const flag = { ran: false };
    setImmediate(() => {
      flag.ran = true;
    });

    expect(await runPaced(buildWatching(flag))).toEqual({ sawCallback: true });
  });

  it('run at once, the same build holds the event loop to its end', async () => {
    const flag = { ran: false };
    const waiting = new Promise<void>((resolve) =>
      setImmediate(() => {
        flag.ran = true;
        resolve();
      }),
    );

    expect(runNow(buildWatching(flag))).toEqual({ sawCallback: false });
    await waiting;
  });
});
