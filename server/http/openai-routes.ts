import type { Context } from 'hono';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { detectLanguage } from '../answer/detect-language.js';
import { userTurns } from '../answer/message-text.js';
import type { AppDeps, AppEnv } from '../app.js';
import {
  type ChatCompletionRequest,
  chatCompletionRequestSchema,
  FACE_MODEL_IDS,
  type FaceModelId,
  type OpenAiModel,
  type OpenAiModelList,
} from '../contract.js';
import { AppError } from '../errors.js';
import { requireApiAccess } from './api-access.js';
import { answerChunks, chatAnswerInput } from './chat-answer-input.js';
import {
  answerModeHeaders,
  type CompletionIdentity,
  chatCompletion,
  collectAnswer,
  completionFrames,
} from './chat-completion-shape.js';
import { createCitedMarkdown } from './cited-markdown.js';
import { linkBase } from './deep-link.js';
import { type FaceOptions, faceBodyLimit } from './face-options.js';
import { followChatAnswer } from './follow-chat-answer.js';
import { openAiErrorHandler } from './openai-error.js';
import { toChatMessages } from './openai-messages.js';
import { parseInput, readJsonBody } from './validate.js';
import { refuseWhileWarming } from './warming-guard.js';

function faceModel(id: string): FaceModelId {
  const known = FACE_MODEL_IDS.find((model) => model === id);
  if (!known) {
    throw new AppError(
      'model_not_found',
      `The model \`${id}\` does not exist; use ${FACE_MODEL_IDS.join(' or ')}`,
    );
  }
  return known;
}

/** Sends the first frame once it exists, so the mode headers say how the answer is actually being made. */
async function streamFrames(c: Context<AppEnv>, frames: AsyncGenerator<string>, headers: () => object) {
  const encoder = new TextEncoder();
  const first = await frames.next();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await frames.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await frames.return(undefined);
    },
  });
  return c.body(body, 200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    ...(headers() as Record<string, string>),
  });
}

async function completeChat(c: Context<AppEnv>, deps: AppDeps, request: ChatCompletionRequest) {
  const model = faceModel(request.model);
  const messages = toChatMessages(request.messages);
  const requestId = c.get('requestId');
  const input = chatAnswerInput(deps, {
    messages,
    requestId,
    signal: c.req.raw.signal,
    ...(model === 'aipm-guide-search' ? { model: null } : {}),
  });
  const answer = followChatAnswer(answerChunks(deps, input));
  const markdown = createCitedMarkdown({
    base: linkBase(deps.config.publicBaseUrl, c.req.url),
    language: detectLanguage(userTurns(messages).at(-1) ?? ''),
  });
  const identity: CompletionIdentity = {
    id: `chatcmpl-${requestId}`,
    created: Math.floor(Date.now() / 1000),
    model,
  };
  if (request.stream === true) {
    const includeUsage = request.stream_options?.include_usage === true;
    const frames = completionFrames(identity, answer, markdown, includeUsage);
    return streamFrames(c, frames, () => answerModeHeaders(answer.state.metadata));
  }
  await collectAnswer(answer, markdown);
  if (answer.state.error !== null) throw new AppError('internal', answer.state.error);
  return c.json(
    chatCompletion(identity, markdown, answer.state),
    200,
    answerModeHeaders(answer.state.metadata),
  );
}

/**
 * The OpenAI-compatible face: `GET /models`, `GET /models/:id` and `POST /chat/completions`, answered by the
 * same pipeline as /api/chat, with citations as Markdown links, `url_citation` annotations and a Sources
 * list. Mounted at /v1. With API keys configured, any web origin may call it (the key is the guard).
 */
export function createOpenAiRoutes(deps: AppDeps, options: FaceOptions = {}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const created = Math.floor(Date.now() / 1000);
  const models: OpenAiModel[] = FACE_MODEL_IDS.map((id) => ({
    id,
    object: 'model',
    created,
    owned_by: 'aipm-guide',
  }));
  if (deps.config.apiKeys.length > 0) routes.use('*', cors({ origin: '*', maxAge: 600 }));
  routes.use('*', faceBodyLimit(), requireApiAccess(deps.config));
  routes.use('/chat/completions', refuseWhileWarming(deps.retriever));
  if (options.limiter) routes.use('*', options.limiter);
  routes.get('/models', (c) => c.json({ object: 'list', data: models } satisfies OpenAiModelList));
  routes.get('/models/:id', (c) => {
    const id = faceModel(c.req.param('id'));
    return c.json(models.find((model) => model.id === id));
  });
  routes.post('/chat/completions', async (c) => {
    const request = parseInput(chatCompletionRequestSchema, await readJsonBody(c.req.raw));
    return completeChat(c, deps, request);
  });
  routes.all('*', (c) => {
    throw new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`);
  });
  routes.onError(openAiErrorHandler(deps.logger));
  return routes;
}
