import type { ChatMetadata, Citation, FallbackReason } from '../contract.js';
import { type AnswerContext, addUsage, baseMetadata, elapsedMs } from './answer-context.js';
import { attributeCitations } from './attribute-citations.js';
import type { ChatModel } from './chat-model.js';
import { describeFault } from './classify-fault.js';
import { detectLanguage } from './detect-language.js';
import { writeFallback } from './fallback-answer.js';
import { type ModelStreamResult, runModelStream } from './model-stream.js';
import { costUsd } from './pricing.js';
import { buildAnswerPrompt } from './prompt.js';
import { ANSWER_TEXT_ID, writeCitations } from './ui-stream-parts.js';

/** Faults where the provider refused the request, so nothing was billed. */
const REFUSED: ReadonlySet<FallbackReason> = new Set([
  'no-key',
  'auth',
  'rate-limit',
  'server-error',
  'network',
]);

/** Usage and cost as far as they are known: a refused call cost 0; an unreported one is unknown (null). */
function spending(
  context: AnswerContext,
  modelId: string,
  run: ModelStreamResult,
): Pick<ChatMetadata, 'usage' | 'costUsd'> {
  const prices = context.input.llm.prices;
  const answerUsage =
    run.usage ?? (run.fault && REFUSED.has(run.fault) ? { inputTokens: 0, outputTokens: 0 } : undefined);
  if (!answerUsage) return { costUsd: null };
  const usage = addUsage(answerUsage, context.condenseUsage);
  return { usage, costUsd: costUsd(modelId, usage, prices) };
}

/** After verification every marker left points at a passage, so one marker means one valid citation. */
const VALID_MARKER = /\[\d+(?:, \d+)*\]/;

/**
 * Why a finished call still ends in the fallback: its fault, or — for an answer that came through whole —
 * no valid citation anywhere in it (an answer that cites nothing is not grounded, whatever it says).
 */
function fallbackReasonOf(run: ModelStreamResult): FallbackReason | null {
  if (run.fault !== null || run.clientAborted) return run.fault;
  return VALID_MARKER.test(run.text) ? null : 'uncited';
}

/** The passages the model gets, numbered; highlights and citedBy are filled once the answer is known. */
function numberPassages(context: AnswerContext): Citation[] {
  return context.search.results.slice(0, context.input.llm.maxPassages).map((result, index) => ({
    ...result,
    n: index + 1,
    highlights: [],
    citedBy: [],
  }));
}

function promptFor(context: AnswerContext, passages: Citation[]) {
  return buildAnswerPrompt({
    question: context.question,
    retrievalQuery: context.retrievalQuery,
    passages,
    language: detectLanguage(context.question),
  });
}

/** The answer is complete: final citations with what cites them, then the measurements. */
function finishAnswer(
  context: AnswerContext,
  run: ModelStreamResult,
  citations: Citation[],
  measured: ChatMetadata,
) {
  const { input, writer } = context;
  if (run.clientAborted)
    input.logger.info('chat_aborted', { requestId: input.requestId, chars: run.text.length });
  writeCitations(writer, {
    citations: attributeCitations(run.text, citations),
    notCovered: false,
    nearest: [],
  });
  if (run.text !== '') writer.write({ type: 'text-end', id: ANSWER_TEXT_ID });
  const final: ChatMetadata = { ...measured, notCovered: false, totalMs: elapsedMs(context.startedAt) };
  writer.write({ type: 'message-metadata', messageMetadata: final });
  writer.write({
    type: 'finish',
    finishReason: run.clientAborted ? 'other' : 'stop',
    messageMetadata: final,
  });
}

/**
 * LLM mode. Parts: start → data-citations (the numbered passages, no highlights yet) → verified text deltas
 * → data-citations again (same id) with citedBy and highlights → message-metadata → finish. On any fault, and
 * when an output check rejects the answer (no valid citation, a repeated system prompt), the answer is finished
 * by `writeFallback` instead, with exactly one `llm_fallback` warning in the log. An answer cut at
 * `llm.maxAnswerChars` finishes normally with `truncated: true`.
 */
export async function writeLlmAnswer(context: AnswerContext, model: ChatModel): Promise<void> {
  const { input, writer } = context;
  const citations = numberPassages(context);
  const start: ChatMetadata = { ...baseMetadata(context), mode: 'llm', model: model.id };
  writer.write({ type: 'start', messageMetadata: start });
  writeCitations(writer, { citations, notCovered: false, nearest: [] });
  // Text is opened lazily so an answer that fails before its first token shows only the fallback.
  let textStarted = false;
  const run = await runModelStream({
    model,
    prompt: promptFor(context, citations),
    llm: input.llm,
    passageCount: citations.length,
    signal: input.signal,
    onText: (delta) => {
      if (!textStarted) writer.write({ type: 'text-start', id: ANSWER_TEXT_ID });
      textStarted = true;
      writer.write({ type: 'text-delta', id: ANSWER_TEXT_ID, delta });
    },
  });
  const measured: ChatMetadata = {
    ...start,
    ...spending(context, model.id, run),
    removedCitations: run.removedCitations,
    ...(run.truncated ? { truncated: true } : {}),
    ...(run.firstTokenMs === undefined ? {} : { firstTokenMs: run.firstTokenMs }),
  };
  const reason = fallbackReasonOf(run);
  if (reason === null) return finishAnswer(context, run, citations, measured);
  input.logger.warn('llm_fallback', { requestId: input.requestId, ...describeFault(reason, run.error) });
  writeFallback(context, {
    reason,
    modelCitations: citations,
    modelText: run.text,
    textStarted: run.text !== '',
    metadata: measured,
  });
}
