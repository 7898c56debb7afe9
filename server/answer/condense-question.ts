import type { TokenUsage, UnderstoodData } from '../contract.js';
import type { ChatAnswerInput } from './answer-context.js';
import { condenseBySections } from './condense-by-sections.js';
import { condenseWithModel } from './condense-with-model.js';
import { type AnswerLanguage, detectLanguage } from './detect-language.js';
import { looksElliptical } from './follow-up.js';
import { userTurns } from './message-text.js';
import { subjectsOf } from './section-subject.js';

export interface CondensedQuestion {
  /** What retrieval searches for; the question itself unless it was a follow-up. */
  query: string;
  method: 'none' | 'sections' | 'llm';
  /** The query in the corpus's other languages (LLM path only), searched beside it. */
  rewrites?: string[];
  /** Tokens the condensation call spent (LLM path only). */
  usage?: TokenUsage;
  /** How a follow-up was understood, for the `data-understood` part; absent for a question of its own. */
  understood?: UnderstoodData;
}

/** The corpus's languages other than the question's: what a rewrite could reach that the question cannot. */
function otherLanguages(input: ChatAnswerInput, question: string): AnswerLanguage[] {
  const asked = detectLanguage(question);
  return (input.retriever.languages?.() ?? []).filter((language) => language !== asked);
}

async function condenseByModel(
  input: ChatAnswerInput,
  question: string,
): Promise<CondensedQuestion | undefined> {
  if (!input.model) return undefined;
  try {
    const condensed = await condenseWithModel({
      model: input.model,
      llm: input.llm,
      messages: input.messages,
      signal: input.signal,
      targets: otherLanguages(input, question),
    });
    // The subject shown to the reader still comes from the cited sections when the client sent them.
    const subjects = subjectsOf(input.retriever, input.contextSectionIds ?? []).map(({ label }) => label);
    return {
      query: condensed.query,
      method: 'llm',
      ...(condensed.rewrites.length > 0 ? { rewrites: condensed.rewrites } : {}),
      usage: condensed.usage,
      understood: { subjects, aspect: null, query: condensed.query, method: 'llm' },
    };
  } catch (error) {
    input.logger.info('condense_fallback', {
      requestId: input.requestId,
      message: error instanceof Error ? error.message.slice(0, 200) : String(error),
    });
    return undefined;
  }
}

/**
 * Turns a follow-up into a standalone retrieval query. A first question, or one that does not lean on the
 * previous turn, is searched as asked. A follow-up is condensed by the model when there is one (a tiny call
 * bounded by `llm.condenseTimeoutMs`, no retries, that also rewrites the query into the corpus's other
 * languages) and otherwise — or when that call fails in any way — by the deterministic section-structure
 * path, which uses the previous answer's cited sections when the client sent them and the previous user
 * question otherwise.
 */
export async function condenseQuestion(input: ChatAnswerInput): Promise<CondensedQuestion> {
  const turns = userTurns(input.messages);
  const question = turns.at(-1) ?? '';
  const previous = turns.at(-2);
  if (previous === undefined || !looksElliptical(question)) return { query: question, method: 'none' };
  const byModel = await condenseByModel(input, question);
  if (byModel) return byModel;
  const previousTurn = { question: previous, sectionIds: input.contextSectionIds ?? [] };
  const condensed = await condenseBySections(input.retriever, previousTurn, question);
  return { ...condensed, method: 'sections' };
}
