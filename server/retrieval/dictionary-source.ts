import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** CC-CEDICT as the `hanzi` package ships it: a module whose export is one template literal. */
const DICTIONARY_MODULE = 'hanzi/lib/data/cedict_ts.u8.js';
const require = createRequire(import.meta.url);

/** The literal's text when it is plain (no escape, substitution or CR): then it is exactly what `require` gives. */
function plainLiteral(code: string): string | undefined {
  const open = code.indexOf('`');
  const close = code.lastIndexOf('`');
  const body = close > open && open >= 0 ? code.slice(open + 1, close) : undefined;
  return body !== undefined && !/[`\\\r]|\$\{/.test(body) ? body : undefined;
}

/** The dictionary's text, at once: read as a file when it can be, else through `require`. */
export function dictionarySource(): string {
  return plainLiteral(readFileSync(require.resolve(DICTIONARY_MODULE), 'utf8')) ?? require(DICTIONARY_MODULE);
}

/**
 * The dictionary's text for the warm-up, read without holding the event loop: a `require` compiles the 9.7 MB
 * module on the main thread (0.2 s alone, ~2 s beside a large index's heap); reading it as a file does not.
 */
export async function readDictionarySource(): Promise<string> {
  return (
    plainLiteral(await readFile(require.resolve(DICTIONARY_MODULE), 'utf8')) ?? require(DICTIONARY_MODULE)
  );
}
