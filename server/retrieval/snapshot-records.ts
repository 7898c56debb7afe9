/**
 * A large JSON value as lines of small records, so an index snapshot (~70 MB at 50k sections) is written and
 * read a record at a time between pauses instead of by one `JSON.stringify` / `JSON.parse` that holds the event
 * loop for seconds. Containers near the root are split: a big one (≥ `SPLIT_ENTRIES` entries) into batches of
 * its entries of ~`RECORD_CHARS`, a small one into a record per entry. Reading gives back what `JSON.parse`
 * of `JSON.stringify` would.
 */
import type { FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createPacer } from './pacer.js';

type Key = string | number;
type Path = Key[];
/** `[path, 'o' | 'a']` opens a container; `[path, 'v', value]` sets a value; `[path, 'e', entries]` adds entries. */
type Row = [Path, 'o' | 'a'] | [Path, 'v', unknown] | [Path, 'e', unknown[]] | ['end', number];

const RECORD_CHARS = 1 << 20;
const SPLIT_ENTRIES = 64;
/** Below this depth containers are whole values: Orama's word trees nest deep, but each branch is small. */
const MAX_DEPTH = 6;

function asJson(value: unknown): unknown {
  const withToJson = value as { toJSON?: () => unknown } | null;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON() : value;
}

/** Own entries in JSON's order; an array's holes included (JSON writes them as null). */
function entriesOf(json: object): Array<[Key, unknown]> {
  return Array.isArray(json) ? [...json.entries()] : Object.entries(json);
}

function* entryBatches(path: Path, json: object): Generator<string> {
  const isArray = Array.isArray(json);
  const prefix = `[${JSON.stringify(path)},"e",[`;
  let parts: string[] = [];
  let size = 0;
  for (const [key, value] of entriesOf(json)) {
    const text = JSON.stringify(value);
    // As JSON.stringify does: an array keeps a hole as null, an object drops the key.
    if (text === undefined && !isArray) continue;
    const part = isArray ? (text ?? 'null') : `[${JSON.stringify(key)},${text}]`;
    parts.push(part);
    size += part.length;
    if (size < RECORD_CHARS) continue;
    yield `${prefix}${parts.join(',')}]]`;
    parts = [];
    size = 0;
  }
  if (parts.length > 0) yield `${prefix}${parts.join(',')}]]`;
}

function* recordsOf(value: unknown, path: Path, inArray: boolean): Generator<string> {
  const json = asJson(value);
  const entries =
    json === null || typeof json !== 'object'
      ? 0
      : Array.isArray(json)
        ? json.length
        : Object.keys(json).length;
  if (entries === 0 || (entries < SPLIT_ENTRIES && path.length >= MAX_DEPTH)) {
    const text = JSON.stringify(json) ?? (inArray ? 'null' : undefined);
    if (text !== undefined) yield `[${JSON.stringify(path)},"v",${text}]`;
    return;
  }
  const isArray = Array.isArray(json);
  yield JSON.stringify([path, isArray ? 'a' : 'o']);
  if (entries >= SPLIT_ENTRIES) return yield* entryBatches(path, json as object);
  for (const [key, child] of entriesOf(json as object)) yield* recordsOf(child, [...path, key], isArray);
}

/** The value as newline-ended records, with a pause whenever a slice of work is done; the last one counts them. */
export async function* writeRecords(value: unknown): AsyncGenerator<string> {
  const pacer = createPacer();
  let count = 0;
  for (const record of recordsOf(value, [], false)) {
    count += 1;
    yield `${record}\n`;
    await pacer.pace();
  }
  yield `${JSON.stringify(['end', count])}\n`;
}

/** Sets a key as JSON.parse would: `__proto__` becomes an own property, never the prototype. */
function assign(target: Record<Key, unknown>, key: Key, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Puts the records back together; throws on a record that does not fit or a missing end. */
function createAssembler() {
  const root: { value?: unknown } = {};
  let count = 0;
  let ended = false;
  const at = (path: Path): Record<Key, unknown> => {
    let node = root.value;
    for (const key of path) node = (node as Record<Key, unknown>)[key];
    if (node === null || typeof node !== 'object') throw new Error(`no container at ${JSON.stringify(path)}`);
    return node as Record<Key, unknown>;
  };
  const set = (path: Path, value: unknown) => {
    const key = path.at(-1);
    if (key === undefined) root.value = value;
    else assign(at(path.slice(0, -1)), key, value);
  };
  return {
    add(line: string) {
      const row = JSON.parse(line) as Row;
      if (ended) throw new Error('records after the end');
      if (row[0] === 'end') {
        if (row[1] !== count) throw new Error(`${count} records, the end says ${row[1]}`);
        ended = true;
        return;
      }
      count += 1;
      const [path, kind, payload] = row as [Path, 'o' | 'a' | 'v' | 'e', unknown];
      if (kind === 'o' || kind === 'a') set(path, kind === 'o' ? {} : []);
      else if (kind === 'v') set(path, payload);
      else addEntries(at(path), payload as unknown[]);
    },
    value(): unknown {
      if (!ended) throw new Error('the records end early');
      return root.value;
    },
  };
}

function addEntries(target: Record<Key, unknown>, entries: unknown[]): void {
  if (Array.isArray(target)) for (const value of entries) target.push(value);
  else for (const [key, value] of entries as Array<[string, unknown]>) assign(target, key, value);
}

/** Reads what `writeRecords` wrote, a record at a time with pauses; throws when it is damaged or cut short. */
export async function readRecords(file: FileHandle): Promise<unknown> {
  const assembler = createAssembler();
  const pacer = createPacer();
  const input = file.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line === '') continue;
    assembler.add(line);
    await pacer.pace();
  }
  return assembler.value();
}
