import { useCallback, useRef, useState } from 'react';
import type { ChatMetadata, Citation, FeedbackReason, FeedbackRequest } from '../../server/contract.js';
import { postFeedback } from '../api/guide-api.js';
import { ApiError } from '../api/http-client.js';
import { loadSentFeedback, recordSentFeedback } from '../lib/feedback-record.js';
import { safeStorage } from '../lib/safe-storage.js';

export interface FeedbackContext {
  messageId: string;
  question: string;
  answer: string;
  metadata: ChatMetadata | undefined;
  citations: Citation[];
}

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

const MAX_ANSWER_CHARS = 20_000;
const IDLE: SubmissionState = { status: 'idle' };

function restoredStates(messageId: string): Record<string, SubmissionState> {
  const sent = loadSentFeedback(safeStorage('localStorage'), messageId);
  return Object.fromEntries(Object.entries(sent).map(([key, rating]) => [key, { status: 'sent', rating }]));
}

function requestBody(
  context: FeedbackContext,
  input: RatingInput & { flags?: FeedbackRequest['citationFlags'] },
) {
  const body: Omit<FeedbackRequest, 'id'> = {
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
  return body;
}

/**
 * Sends feedback on one answer: its rating ('answer') and per-citation flags ('flag-<n>'). A retry of
 * the same feedback reuses its id, so the server stores it once even if an earlier attempt got through.
 */
export function useFeedback(context: FeedbackContext) {
  const [states, setStates] = useState<Record<string, SubmissionState>>(() =>
    restoredStates(context.messageId),
  );
  const attempts = useRef(new Map<string, { body: string; id: string }>());
  const busy = useRef(new Set<string>());

  const submit = useCallback(
    async (key: string, body: Omit<FeedbackRequest, 'id'>) => {
      if (busy.current.has(key) || states[key]?.status === 'sent') return;
      busy.current.add(key);
      const serialized = JSON.stringify(body);
      const previous = attempts.current.get(key);
      const id = previous?.body === serialized ? previous.id : crypto.randomUUID();
      attempts.current.set(key, { body: serialized, id });
      setStates((current) => ({ ...current, [key]: { status: 'sending', rating: body.rating } }));
      try {
        await postFeedback({ id, ...body });
        recordSentFeedback(safeStorage('localStorage'), {
          messageId: body.messageId,
          key,
          rating: body.rating,
        });
        setStates((current) => ({ ...current, [key]: { status: 'sent', rating: body.rating } }));
      } catch (error) {
        const message = error instanceof ApiError ? error.message : 'Could not send feedback.';
        setStates((current) => ({ ...current, [key]: { status: 'error', rating: body.rating, message } }));
      } finally {
        busy.current.delete(key);
      }
    },
    [states],
  );

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
