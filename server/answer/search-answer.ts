import type { ChatMetadata } from '../contract.js';
import { type AnswerContext, addUsage, baseMetadata, elapsedMs } from './answer-context.js';
import { buildExtractiveAnswer, type ExtractiveAnswer } from './extractive-answer.js';
import { costUsd } from './pricing.js';
import { ANSWER_TEXT_ID, writeCitations, writeTextPart } from './ui-stream-parts.js';

/** Reports an answer the corpus could not back, so the gap shows up in insights. */
export function reportGap(
  context: AnswerContext,
  answer: ExtractiveAnswer,
  mode: ChatMetadata['mode'],
): void {
  if (!answer.notCovered) return;
  context.input.onNotCovered?.({
    question: context.question,
    mode,
    nearest: answer.nearest.map(({ id, headings, score }) => ({ id, headings, score })),
    requestId: context.input.requestId,
  });
}

/**
 * Writes an answer made without a model call: search mode, and LLM mode when the evidence is too weak to
 * call the model at all (then the metadata says `llm` with the model and zero usage — no tokens were spent).
 * Parts: start → data-citations → text (line by line) → message-metadata → finish.
 */
export function writeSearchAnswer(context: AnswerContext, modelId?: string): void {
  const { writer, search } = context;
  const answer = buildExtractiveAnswer({
    question: context.question,
    results: search.results,
    answerable: search.answerable,
    section: (id) => context.input.retriever.section(id),
  });
  const start: ChatMetadata = modelId
    ? { ...baseMetadata(context), mode: 'llm', model: modelId }
    : baseMetadata(context);
  writer.write({ type: 'start', messageMetadata: start });
  writeCitations(writer, {
    citations: answer.citations,
    notCovered: answer.notCovered,
    nearest: answer.nearest,
  });
  writeTextPart(writer, ANSWER_TEXT_ID, answer.text);
  const usage = addUsage({ inputTokens: 0, outputTokens: 0 }, context.condenseUsage);
  const final: ChatMetadata = {
    ...start,
    notCovered: answer.notCovered,
    usage,
    // Only a condensed follow-up spends tokens here; the answer itself never calls the model.
    costUsd: modelId && context.condenseUsage ? costUsd(modelId, usage, context.input.llm.prices) : 0,
    totalMs: elapsedMs(context.startedAt),
  };
  writer.write({ type: 'message-metadata', messageMetadata: final });
  writer.write({ type: 'finish', finishReason: 'stop', messageMetadata: final });
  reportGap(context, answer, start.mode);
}
