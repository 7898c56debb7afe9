import type { SearchResult } from '../contract.js';
import { hasHan } from '../retrieval/text.js';
import type { Lead } from './answer-lead.js';
import type { AnswerLanguage } from './detect-language.js';
import type { TextUnit } from './markdown-units.js';
import { headingName } from './section-subject.js';

/** A bullet this short ("最容易") reads as an answer only with its sub-heading as a label. */
const SHORT_UNIT_CHARS = 24;

function colon(language: AnswerLanguage): string {
  return language === 'zh' ? '：' : ': ';
}

/** A table row reads as "维度 — 甲：快；乙：慢". */
function unitText(unit: TextUnit, language: AnswerLanguage): string {
  if (unit.kind !== 'row' || !unit.cells) return unit.plain;
  const [first = '', ...rest] = unit.cells;
  const semicolon = language === 'zh' ? '；' : '; ';
  const pairs = rest.map((cell, index) => {
    const name = unit.header?.[index + 1];
    return name ? `${name}${colon(language)}${cell}` : cell;
  });
  return pairs.length > 0 ? `${first} — ${pairs.join(semicolon)}` : first;
}

/**
 * A quoted unit as the answer shows it. A short bullet of a sub-section carries the sub-heading as its
 * subject ("难度：最容易"), so it still says something when read alone.
 */
export function quotedText(
  unit: TextUnit,
  result: SearchResult,
  language: AnswerLanguage,
  aspect: boolean,
): string {
  const text = unitText(unit, language);
  const label = aspect ? headingName(result.headings.at(-1) ?? '') : '';
  const short = unit.kind === 'bullet' && [...text].length <= SHORT_UNIT_CHARS;
  const separator = hasHan(label) ? '：' : colon(language);
  return short && label !== '' && !text.startsWith(label) ? `${label}${separator}${text}` : text;
}

/**
 * The line that states the answer: the answering heading in bold and its strongest unit ("**B** — 难度：最低
 * [2]"), or the defining sentence alone; a bullet when several siblings answer.
 */
export function leadLine(
  lead: Lead,
  evidence: { result: SearchResult; aspect: boolean } | undefined,
  language: AnswerLanguage,
  count: number,
): string {
  const semicolon = language === 'zh' ? '；' : '; ';
  const quote =
    lead.quote ??
    lead.list?.map((unit) => unitText(unit, language)).join(semicolon) ??
    (evidence ? quotedText(lead.unit, evidence.result, language, evidence.aspect) : lead.unit.plain);
  const line = `${lead.subject ? `**${lead.subject}** — ` : ''}${quote} [${lead.index + 1}]`;
  return count > 1 ? `- ${line}` : line;
}
