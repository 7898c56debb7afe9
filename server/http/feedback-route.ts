import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import {
  type CitationFlagsRequest,
  type CitationFlagsResponse,
  citationFlagsRequestSchema,
  type FeedbackRequest,
  type FeedbackResponse,
  feedbackRequestSchema,
} from '../contract.js';
import type { Retriever } from '../retrieval/types.js';
import { callStore } from './store-call.js';
import { parseInput, readJsonBody } from './validate.js';

const SAVE_FAILED = 'Feedback could not be saved right now; please try again';

/** Heading paths of the cited sections, so a bad case still reads well after the corpus changes. */
function citationHeadings(retriever: Retriever, citations: Array<{ id: string }>): Record<string, string[]> {
  const headings: Record<string, string[]> = {};
  for (const { id } of citations) {
    try {
      headings[id] = retriever.section(id)?.headings ?? [];
    } catch {
      // A section the retriever cannot resolve must not cost us the user's feedback.
      headings[id] = [];
    }
  }
  return headings;
}

/** A feedback body that carries flags is the older form of a flag report. */
function flagReportOf(feedback: FeedbackRequest): CitationFlagsRequest | null {
  if (!feedback.citationFlags?.length) return null;
  const { messageId, question, mode, model, citations, citationFlags } = feedback;
  return { messageId, question, mode, ...(model ? { model } : {}), citations, flags: citationFlags };
}

/**
 * `POST /feedback`: the rating of an answer — 201 when new, 200 when a known id was updated or replayed.
 * `POST /feedback/flags`: citation flags — 201 when any was new, else 200. Both 503 when nothing could be stored.
 */
export function createFeedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  const saveFlags = (report: CitationFlagsRequest, requestId: string) =>
    callStore(
      deps,
      {
        requestId,
        failureEvent: 'feedback_save_failed',
        userMessage: SAVE_FAILED,
        fields: { kind: 'flags' },
      },
      () =>
        deps.store.saveCitationFlags({
          ...report,
          citationHeadings: citationHeadings(deps.retriever, report.citations),
          appVersion: deps.version,
        }),
    );

  routes.post('/feedback', async (c) => {
    const feedback = parseInput(feedbackRequestSchema, await readJsonBody(c.req.raw));
    const requestId = c.get('requestId');
    const flagReport = flagReportOf(feedback);
    let result: { created: boolean; updated: boolean };
    if (flagReport) {
      const { created } = await saveFlags(flagReport, requestId);
      result = { created: created > 0, updated: false };
    } else {
      const { citationFlags: _none, ...rating } = feedback;
      result = await callStore(
        deps,
        {
          requestId,
          failureEvent: 'feedback_save_failed',
          userMessage: SAVE_FAILED,
          fields: { feedbackId: feedback.id },
        },
        () =>
          deps.store.saveFeedback({
            ...rating,
            citationHeadings: citationHeadings(deps.retriever, feedback.citations),
            appVersion: deps.version,
          }),
      );
    }
    deps.logger.info('feedback_saved', {
      requestId,
      feedbackId: feedback.id,
      kind: flagReport ? 'flags' : 'rating',
      rating: flagReport ? undefined : feedback.rating,
      ...result,
    });
    const body: FeedbackResponse = { id: feedback.id, ...result };
    return c.json(body, result.created ? 201 : 200);
  });

  routes.post('/feedback/flags', async (c) => {
    const report = parseInput(citationFlagsRequestSchema, await readJsonBody(c.req.raw));
    const requestId = c.get('requestId');
    const { created } = await saveFlags(report, requestId);
    const body: CitationFlagsResponse = {
      messageId: report.messageId,
      created,
      existing: new Set(report.flags.map((flag) => JSON.stringify([flag.n, flag.sentence]))).size - created,
    };
    deps.logger.info('citation_flags_saved', { requestId, messageId: report.messageId, created });
    return c.json(body, created > 0 ? 201 : 200);
  });

  return routes;
}
