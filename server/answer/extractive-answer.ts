import type { Citation, SearchResult, SectionResponse } from '../contract.js';
import { hasHan } from '../retrieval/text.js';
import { leadLine, quotedText } from './answer-lines.js';
import { type AnswerLanguage, detectLanguage } from './detect-language.js';
import { sectionLabel } from './section-label.js';
import { selectEvidence } from './select-evidence.js';

export interface ExtractiveAnswerInput {
  question: string;
  results: SearchResult[];
  answerable: boolean;
  /** The retriever's section lookup: its document outline tells a sub-heading that recurs under siblings. */
  section?: (id: string) => SectionResponse | undefined;
}

export interface ExtractiveAnswer {
  /** Markdown with a [n] after every quoted unit. */
  text: string;
  citations: Citation[];
  notCovered: boolean;
  nearest: SearchResult[];
}

export interface ExtractiveAnswerOptions {
  /** Replaces the "From the corpus (search mode, no LLM):" line; '' leaves it out. */
  leadIn?: string;
}

const NEAREST_COUNT = 3;

const LEAD_IN: Record<AnswerLanguage, string> = {
  zh: '根据资料库（搜索模式，未调用大模型）：',
  en: 'From the corpus (search mode, no LLM):',
};
/** An English reader should know why the quotes that follow are not in English. */
const LEAD_IN_QUOTING_CHINESE = 'From the corpus (search mode, no LLM), quoted in the original Chinese:';

const NOT_COVERED: Record<AnswerLanguage, { withNearest: string; alone: string }> = {
  zh: {
    withNearest: '资料库中没有能回答这个问题的内容。最接近的章节是：',
    alone: '资料库中没有能回答这个问题的内容，也没有相近的章节。',
  },
  en: {
    withNearest: 'The corpus does not cover this question. The closest sections are:',
    alone: 'The corpus does not cover this question, and no section comes close.',
  },
};

function notCoveredAnswer(language: AnswerLanguage, results: SearchResult[]): ExtractiveAnswer {
  const nearest = results.slice(0, NEAREST_COUNT);
  const labels = nearest.map((result) => `- ${sectionLabel(result)}`);
  const opening = NOT_COVERED[language][nearest.length > 0 ? 'withNearest' : 'alone'];
  return { text: [opening, ...labels].join('\n'), citations: [], notCovered: true, nearest };
}

/**
 * The search-mode answer: the most relevant bullets, rows and sentences of the top passages, grouped under
 * their section, each followed by its [n]; or, when the corpus does not cover the question, an honest
 * "not covered" with the nearest sections and no citations. Pure: the eval calls it directly.
 */
export function buildExtractiveAnswer(
  input: ExtractiveAnswerInput,
  options: ExtractiveAnswerOptions = {},
): ExtractiveAnswer {
  const language = detectLanguage(input.question);
  const { evidence, leads } = input.answerable ? selectEvidence(input) : { evidence: [], leads: [] };
  if (evidence.length === 0) return notCoveredAnswer(language, input.results);
  const quotesChinese = evidence.some(({ units }) => units.some((unit) => hasHan(unit.plain)));
  const leadIn =
    options.leadIn ?? (language === 'en' && quotesChinese ? LEAD_IN_QUOTING_CHINESE : LEAD_IN[language]);
  const lines = leadIn === '' ? [] : [leadIn, ''];
  const leadLines = leads.map((lead) => leadLine(lead, evidence[lead.index], language, leads.length));
  if (leadLines.length > 0) lines.push(...leadLines, '');
  const citations = evidence.map(({ result, units, aspect }, index): Citation => {
    const n = index + 1;
    const sentences = units.map((unit) => quotedText(unit, result, language, aspect));
    const lead = leads.find((each) => each.index === index);
    const led = lead?.list ?? (lead ? [lead.unit] : []);
    // The lead already said it; the bullets below add the rest, unless the lead was all there is.
    const bullets = units.filter((unit) => !led.includes(unit) || (units.length === 1 && !lead?.list));
    if (bullets.length > 0) {
      if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
      lines.push(
        `**${sectionLabel(result)}**`,
        ...bullets.map((unit) => `- ${quotedText(unit, result, language, aspect)} [${n}]`),
      );
    }
    return {
      ...result,
      n,
      highlights: units.map(({ start, end }) => ({ start, end })),
      citedBy: sentences,
    };
  });
  return { text: lines.join('\n'), citations, notCovered: false, nearest: [] };
}
