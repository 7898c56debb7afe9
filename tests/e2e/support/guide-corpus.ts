import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { breadsEn, breadsZh, gardenNotes } from '../../server/retrieval/fixtures/template-corpus.js';

/**
 * A corpus directory with the small baking guide (two editions, one family of siblings written to a
 * template) and a garden note with no template: the guide browser's stories need nothing else.
 */
export function writeGuideCorpus(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipm-guide-corpus-'));
  for (const document of [breadsEn, breadsZh, gardenNotes]) {
    writeFileSync(path.join(dir, document.path), document.text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
