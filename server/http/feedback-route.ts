import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import { type FeedbackResponse, feedbackRequestSchema } from '../contract.js';
import { AppError } from '../errors.js';
import type { Retriever } from '../retrieval/types.js';
import { parseInput, readJsonBody } from './validate.js';

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

/** `POST /feedback`: 201 when stored, 200 when this id was already stored, 503 when it could not be stored. */
export function createFeedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/feedback', async (c) => {
    const feedback = parseInput(feedbackRequestSchema, await readJsonBody(c.req.raw));
    const requestId = c.get('requestId');
    let created: boolean;
    try {
      ({ created } = await deps.store.saveFeedback({
        ...feedback,
        citationHeadings: citationHeadings(deps.retriever, feedback.citations),
        appVersion: deps.version,
      }));
    } catch (error) {
      deps.logger.error('feedback_save_failed', {
        requestId,
        feedbackId: feedback.id,
        error: error instanceof Error ? error.message : String(error),
      });
      throw new AppError('unavailable', 'Feedback could not be saved right now; please try again');
    }
    deps.logger.info('feedback_saved', {
      requestId,
      feedbackId: feedback.id,
      rating: feedback.rating,
      created,
    });
    const body: FeedbackResponse = { id: feedback.id, created };
    return c.json(body, created ? 201 : 200);
  });

  return routes;
}
