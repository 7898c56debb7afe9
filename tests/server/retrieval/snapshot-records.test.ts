import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecords, writeRecords } from '../../../server/retrieval/snapshot-records.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function roundTrip(value: unknown): Promise<{ read: unknown; lines: number }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'aipm-records-'));
  folders.push(folder);
  const file = path.join(folder, 'value.jsonl');
  let lines = 0;
  async function* counted() {
    for await (const line of writeRecords(value)) {
      lines += 1;
      yield line;
    }
  }
  await writeFile(file, counted());
  const handle = await open(file);
  try {
    return { read: await readRecords(handle), lines };
  } finally {
    await handle.close();
  }
}

/** An index-like value: a wide table of rows, a deep tree, and the odd values JSON treats specially. */
function anIndexLikeValue() {
  const rows = Object.fromEntries(
    Array.from({ length: 5_000 }, (_, n) => [String(n + 1), { 修剪: n / 7, pruning: 1 }]),
  );
  const tree = { k: '', c: [['a', { k: 'a', d: [1, 2], c: [['p', { k: 'ap', d: [3], c: [] }]] }]] };
  return {
    frequencies: { body: rows, title: {} },
    tree,
    list: Array.from({ length: 3_000 }, (_, n) => n),
    odd: {
      ['__proto__']: { planted: true },
      dropped: undefined,
      nothing: null,
      text: 'line\nbreak "quoted"',
    },
    holes: [1, undefined, 3],
    when: new Date(0),
  };
}

describe('a snapshot written as records', () => {
  it('reads back exactly what JSON would, in many small lines', async () => {
    const value = anIndexLikeValue();

    const { read, lines } = await roundTrip(value);

    expect(read).toEqual(JSON.parse(JSON.stringify(value)));
    expect(Object.getPrototypeOf((read as { odd: object }).odd)).toBe(Object.prototype);
    expect(lines).toBeGreaterThan(10);
  });

  it('refuses a file that was cut short', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'aipm-records-'));
    folders.push(folder);
    const file = path.join(folder, 'cut.jsonl');
    let text = '';
    for await (const line of writeRecords(anIndexLikeValue())) text += line;
    await writeFile(file, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    const handle = await open(file);

    await expect(readRecords(handle)).rejects.toThrow(/end/);
    await handle.close();
  });
});
