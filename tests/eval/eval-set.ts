import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const evalItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  /**
   * Section ids that answer the question; several are allowed, and each includes its subsections (a role id
   * is hit by any of the role's sections, see score-retrieval.ts). Empty for off-topic questions.
   */
  expected: z.array(z.string().min(1)),
  offTopic: z.boolean(),
  /**
   * Strings an extractive answer must contain: one list for every edition, or one list per edition language
   * (`{ "zh": […], "en": […] }`), since an answer quotes the edition it cites.
   */
  facts: z
    .union([z.array(z.string().min(1)), z.partialRecord(z.enum(['zh', 'en']), z.array(z.string().min(1)))])
    .optional(),
});

export type EvalItem = z.infer<typeof evalItemSchema>;
export type EvalLanguage = EvalItem['lang'];

/**
 * The facts an answer citing an edition in `language` must hold: that edition's list, else (no list for it)
 * the list of the expected section's own edition, `fallback`. Undefined when the item names no facts.
 */
export function factsFor(item: EvalItem, language: string, fallback: string): string[] | undefined {
  const { facts } = item;
  if (!facts || Array.isArray(facts)) return facts;
  const lists = facts as Partial<Record<string, string[]>>;
  return lists[language] ?? lists[fallback] ?? Object.values(lists)[0];
}

/** Reads a JSONL eval set; a malformed line, an on-topic item without `expected` or a repeated id throws. */
export async function loadEvalSet(file: string): Promise<EvalItem[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const items = lines.map((line, index) => {
    const parsed = evalItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
    if (!parsed.data.offTopic && parsed.data.expected.length === 0) {
      throw new Error(`${file}:${index + 1}: on-topic item ${parsed.data.id} lists no expected section`);
    }
    return parsed.data;
  });
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) throw new Error(`${file}: item ids must be unique`);
  return items;
}
