import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChatMessage, Citation, FeedbackReason, FeedbackRequest } from '../../server/contract.js';
import { postCitationFlags, postFeedback } from '../api/guide-api.js';
import { ApiError } from '../api/http-client.js';
import { citationsOf, messageText } from '../lib/chat-message.js';
import { answerFeedbackId, loadSentFeedback, recordSentFeedback } from '../lib/feedback-record.js';
import { safeStorage } from '../lib/safe-storage.js';
import { isIncomplete } from '../lib/stopped-answer.js';

export type SubmissionState =
  | { status: 'idle' }
  | { status: 'sending'; rating: 'up' | 'down' }
  | { status: 'sent'; rating: 'up' | 'down' }
  | { status: 'error'; rating: 'up' | 'down'; message: string };

export interface RatingInput {
  rating: 'up' | 'down';
  reasons?: FeedbackReason[];
  comment?: string;
}

/** What feedback about one answer carries besides the user's verdict. */
interface AnswerContext {
  messageId: string;
  question: string;
  answer: string;
  metadata: ChatMessage['metadata'];
  citations: Citation[];
  /** The answer is not whole (stopped, or cut at the length limit): its rating is about a truncated answer. */
  truncated: boolean;
}

type FeedbackBody = Omit<FeedbackRequest, 'id'>;

const MAX_ANSWER_CHARS = 20_000;
const IDLE: SubmissionState = { status: 'idle' };
const NO_CITATIONS: Citation[] = [];

function restoredStates(messageId: string): Record<string, SubmissionState> {
  const sent = loadSentFeedback(safeStorage('localStorage'), messageId);
  return Object.fromEntries(Object.entries(sent).map(([key, rating]) => [key, { status: 'sent', rating }]));
}

function requestBody(
  context: AnswerContext,
  input: RatingInput & { flags?: FeedbackRequest['citationFlags'] },
) {
  const body: FeedbackBody = {
    messageId: context.messageId,
    rating: input.rating,
    question: context.question.slice(0, 4000) || '(question unavailable)',
    answer: context.answer.slice(0, MAX_ANSWER_CHARS),
    mode: context.metadata?.mode ?? 'search',
    citations: context.citations.map((citation) => ({ n: citation.n, id: citation.id })),
  };
  if (input.reasons?.length) body.reasons = input.reasons;
  if (input.comment?.trim()) body.comment = input.comment.trim().slice(0, 2000);
  if (context.metadata?.model) body.model = context.metadata.model;
  if (input.flags?.length) body.citationFlags = input.flags;
  if (context.truncated) body.truncated = true;
  return body;
}

/** A rating goes to /api/feedback; a flag report to /api/feedback/flags, stored apart from the rating. */
function send(key: string, request: FeedbackRequest): Promise<unknown> {
  if (key === 'answer' || !request.citationFlags) return postFeedback(request);
  const { messageId, question, mode, model, citations, citationFlags } = request;
  return postCitationFlags({
    messageId,
    question,
    mode,
    citations,
    flags: citationFlags,
    ...(model ? { model } : {}),
  });
}

/**
 * Sends feedback bodies under keys ('answer', 'flag-<n>') and tracks each one's state. The rating ('answer')
 * always uses the answer's one feedback id, so a changed rating updates it on the server; a flag body reuses
 * its id on retry (the server keeps each flag once per answer × citation × sentence anyway).
 */
function useSubmissions(messageId: string) {
  const [states, setStates] = useState(() => restoredStates(messageId));
  const attempts = useRef(new Map<string, { body: string; id: string }>());
  const inFlight = useRef(new Set<string>());
  const submit = useCallback(
    async (key: string, body: FeedbackBody) => {
      const serialized = JSON.stringify(body);
      const previous = attempts.current.get(key);
      const sent = states[key];
      // After a reload only the sent rating is known: sending that same rating again would change nothing.
      const unchanged = previous
        ? previous.body === serialized
        : sent?.status === 'sent' && sent.rating === body.rating;
      if (inFlight.current.has(key) || (sent?.status === 'sent' && unchanged)) return;
      inFlight.current.add(key);
      const track = (state: SubmissionState) => setStates((current) => ({ ...current, [key]: state }));
      const id =
        key === 'answer'
          ? (previous?.id ?? answerFeedbackId(safeStorage('localStorage'), messageId))
          : previous?.body === serialized
            ? previous.id
            : crypto.randomUUID();
      attempts.current.set(key, { body: serialized, id });
      track({ status: 'sending', rating: body.rating });
      try {
        await send(key, { id, ...body });
        recordSentFeedback(safeStorage('localStorage'), { messageId, key, rating: body.rating });
        track({ status: 'sent', rating: body.rating });
      } catch (error) {
        // The component words a failure with no server message in the reader's language.
        const message = error instanceof ApiError ? error.message : '';
        track({ status: 'error', rating: body.rating, message });
      } finally {
        inFlight.current.delete(key);
      }
    },
    [states, messageId],
  );
  return { states, submit };
}

/** Feedback on one answer: its rating, and flags on citations that do not support it. */
export function useAnswerFeedback(message: ChatMessage, question: string) {
  const answer = messageText(message);
  const citations = citationsOf(message)?.citations ?? NO_CITATIONS;
  const { metadata } = message;
  const truncated = isIncomplete(message);
  const context = useMemo(
    () => ({ messageId: message.id, question, answer, metadata, citations, truncated }),
    [message.id, question, answer, metadata, citations, truncated],
  );
  const { states, submit } = useSubmissions(message.id);

  const rate = useCallback(
    (input: RatingInput) => submit('answer', requestBody(context, input)),
    [submit, context],
  );
  const flagCitation = useCallback(
    (n: number, sentences: string[]) => {
      const flags = sentences.map((sentence) => ({ n, sentence: sentence.slice(0, 2000) }));
      return submit(`flag-${n}`, requestBody(context, { rating: 'down', reasons: ['unsupported'], flags }));
    },
    [submit, context],
  );

  return {
    answerState: states.answer ?? IDLE,
    flagState: (n: number): SubmissionState => states[`flag-${n}`] ?? IDLE,
    rate,
    flagCitation,
  };
}
