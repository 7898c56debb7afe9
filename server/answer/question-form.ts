import { normalize, scriptCounts } from '../retrieval/text.js';

/**
 * What a question asks for, by its wording alone: a choice among things (with the quality it chooses by, when
 * it names one in a superlative), a definition, or anything else.
 */
export type QuestionForm =
  | { kind: 'which'; criterion: string | null }
  | { kind: 'definition'; term: string }
  | { kind: 'other' };

/** "哪类 / 哪个 / which / what kind of": the answer is one of several named things ("哪些" asks for a list). */
const WHICH = /哪(?:类|种|个|一|家|位|款|条|项|方面|方向)|\bwhich\b|\bwhat (?:kinds?|types?|sorts?) of\b/iu;

/** "最 X": the quality after 最, up to four characters ("最友好" → 友好, "需求量最高" → 高). */
const SUPERLATIVE_ZH = /最(\p{Script=Han}{1,4})/u;
/** "most / least X", "the X-est". */
const SUPERLATIVE_EN = /\b(?:most|least)\s+([a-z][a-z-]+)|\bthe\s+([a-z]{3,}?)i?est\b/iu;

/**
 * The quality a "which" question chooses by, in the words a passage would state it with: a one-character
 * Chinese quality keeps its 最 ("最高"), an English "-est" is taken back to its base ("easiest" → easy).
 */
function superlativeCriterion(question: string): string | null {
  const zh = SUPERLATIVE_ZH.exec(question)?.[1];
  if (zh) return zh.length === 1 ? `最${zh}` : zh;
  const en = SUPERLATIVE_EN.exec(question);
  if (!en) return null;
  if (en[1]) return en[1];
  const base = en[2] ?? '';
  return /iest\b/iu.test(en[0]) ? `${base}y` : base;
}

/** "X 是什么 / 什么是 X / X 指什么 / X 是什么意思". */
const DEFINITION_ZH =
  /^(?:请问)?\s*(?:什么(?:是|叫)(.+?)|(.+?)(?:到底|究竟)?(?:是什么意思|是什么|是指什么|指的是什么|指什么|是啥|什么意思|的定义是什么|的含义是什么|的意思是什么|怎么理解))\s*[？?。！!]*$/u;
/** "what is X / what are X / what does X mean / define X / meaning of X". */
const DEFINITION_EN =
  /^\s*(?:(?:so|and|but),?\s+)?(?:what(?:'s| is| are)\s+(?:an?\s+|the\s+)?(.+?)|what does\s+(?:an?\s+|the\s+)?(.+?)\s+mean|define\s+(?:an?\s+|the\s+)?(.+?)|(?:the\s+)?meaning of\s+(?:an?\s+|the\s+)?(.+?))\s*[?.!]*$/iu;

/** The definition copulas that follow a term being defined: "X 是 / 指 / 即", "X is / refers to / means". */
const COPULA_ZH = /^[^，。；,;]{0,16}?(?:是指|指的是|就是|即|是|指|意味着|定义为|称为)/u;
const COPULA_EN = /^[^,.;]{0,48}?\b(?:is|are|refers to|means|describes|denotes|is defined as)\b/iu;
/** "the definition of X: …", "X 的定义：…": a name introduced as the thing being defined. */
const DEFINITION_BEFORE = /(?:definition of|define|定义)\s*(?:an?\s+|the\s+)?$/iu;
const DEFINITION_AFTER = /^\s*[:：]|^\s*的?定义[是为：:]/u;

/** A term, not a clause: "what is X doing differently…" asks something else than a definition. */
function isShortTerm(term: string): boolean {
  const { han, latinWords } = scriptCounts(term);
  return term.length <= 40 && latinWords <= 5 && han <= 12;
}

/** Reads a question's form; the definition's term keeps the question's own wording. */
export function questionForm(question: string): QuestionForm {
  const text = question.trim();
  const definition = DEFINITION_ZH.exec(text) ?? DEFINITION_EN.exec(text);
  const term = definition
    ?.slice(1)
    .find((group) => group !== undefined)
    ?.trim();
  if (term && isShortTerm(term) && !WHICH.test(term)) return { kind: 'definition', term };
  return WHICH.test(text) ? { kind: 'which', criterion: superlativeCriterion(text) } : { kind: 'other' };
}

/**
 * True when a sentence defines one of the names: the name, then within a few characters a copula ("X（Y）是…",
 * "An X is …"). Case and width are folded as the text layer folds them.
 */
export function definesName(sentence: string, names: string[]): boolean {
  const folded = normalize(sentence);
  return names.some((name) => {
    const key = normalize(name).trim();
    if (key.length < 2) return false;
    const at = folded.indexOf(key);
    if (at === -1) return false;
    const after = folded.slice(at + key.length);
    if (DEFINITION_BEFORE.test(folded.slice(0, at)) || DEFINITION_AFTER.test(after)) return true;
    return COPULA_ZH.test(after) || COPULA_EN.test(after);
  });
}
