import type { ChatMetadata, Citation, FallbackReason } from '../contract.js';
import { type AnswerContext, elapsedMs } from './answer-context.js';
import { attributeCitations } from './attribute-citations.js';
import { type AnswerLanguage, detectLanguage } from './detect-language.js';
import { buildExtractiveAnswer } from './extractive-answer.js';
import { mergeFallbackCitations } from './merge-citations.js';
import { reportGap } from './search-answer.js';
import { ANSWER_TEXT_ID, lineChunks, writeCitations } from './ui-stream-parts.js';

const REASON_TEXT: Record<FallbackReason, Record<AnswerLanguage, string>> = {
  'no-key': { zh: '未配置可用的 API Key', en: 'no usable API key' },
  auth: { zh: '鉴权失败', en: 'authentication failed' },
  'rate-limit': { zh: '请求过于频繁，已被限流', en: 'rate limited' },
  'server-error': { zh: '模型服务出错', en: 'the model service failed' },
  network: { zh: '无法连接模型服务', en: 'could not reach the model service' },
  timeout: { zh: '响应超时', en: 'timed out' },
  'stream-cut': { zh: '连接中断', en: 'the connection dropped' },
  empty: { zh: '模型没有返回内容', en: 'the model returned nothing' },
  unknown: { zh: '未知错误', en: 'unexpected error' },
  uncited: {
    zh: '回答没有引用任何资料，内容缺乏依据',
    en: 'it cites none of the passages, so it is unsupported',
  },
  'prompt-leak': {
    zh: '回答开始复述系统指令，已被拦截',
    en: 'it began repeating its instructions and was withheld',
  },
};

/** Output checks rejected an answer the model did give: worded as such, not as an unavailable model. */
const REJECTED: ReadonlySet<FallbackReason> = new Set(['uncited', 'prompt-leak']);

function unavailableNotice(language: AnswerLanguage, reason: FallbackReason): string {
  const why = REASON_TEXT[reason][language];
  if (REJECTED.has(reason)) {
    return language === 'zh'
      ? `大模型的回答未通过检查（${why}），以下是从资料库摘录的搜索模式答案：`
      : `The LLM's answer did not pass our checks (${why}); here is the search-mode answer from the corpus:`;
  }
  return language === 'zh'
    ? `大模型暂时不可用（${why}），以下是从资料库摘录的搜索模式答案：`
    : `The LLM is unavailable right now (${why}); here is the search-mode answer from the corpus:`;
}

function cutOffNotice(language: AnswerLanguage, reason: FallbackReason): string {
  const why = REASON_TEXT[reason][language];
  if (reason === 'uncited') {
    return language === 'zh'
      ? `*— 以上回答没有依据（${why}），以下是搜索模式的答案 —*`
      : `*— the answer above is unsupported (${why}); search-mode answer below —*`;
  }
  if (reason === 'prompt-leak') {
    return language === 'zh'
      ? `*— 回答已停止（${why}），以下是搜索模式的答案 —*`
      : `*— answer stopped (${why}); search-mode answer below —*`;
  }
  return language === 'zh'
    ? `*— 回答中断（${why}），以下是搜索模式的答案 —*`
    : `*— answer cut off (${why}); search-mode answer below —*`;
}

/** Closes bold or a code fence the model left open, so the notice after it renders as its own line. */
function closeOpenMarkdown(text: string): string {
  const fences = text.match(/```/g)?.length ?? 0;
  const bold = text.replace(/```[\s\S]*?```/g, '').match(/\*\*/g)?.length ?? 0;
  return `${fences % 2 === 1 ? '\n```' : ''}${bold % 2 === 1 ? '**' : ''}`;
}

export interface FallbackInput {
  reason: FallbackReason;
  /** The numbered passages the model was given. */
  modelCitations: Citation[];
  /** Verified model text already streamed to the client ('' when none). */
  modelText: string;
  /** Whether the text part was already opened. */
  textStarted: boolean;
  /** Start metadata plus what the model call measured. */
  metadata: ChatMetadata;
}

/**
 * Finishes a faulted LLM answer with the search-mode answer. Nothing streamed yet → only the search-mode
 * answer, with its one-line notice as a `data-notice` part. Text already streamed → it stays, marked as cut off, followed by the
 * search-mode answer whose citations are renumbered after the model's; an updated data-citations part
 * (same id) keeps every [n] pointing into the list.
 */
export function writeFallback(context: AnswerContext, fallback: FallbackInput): void {
  const { writer, search } = context;
  const language = detectLanguage(context.question);
  const extractive = buildExtractiveAnswer(
    {
      question: context.question,
      results: search.results,
      answerable: search.answerable,
      section: (id) => context.input.retriever.section(id),
    },
    { leadIn: '' },
  );
  const hasModelText = fallback.modelText.trim() !== '';
  const combined = hasModelText
    ? mergeFallbackCitations(attributeCitations(fallback.modelText, fallback.modelCitations), extractive)
    : extractive;
  // With text already shown the notice must sit where the model stopped; otherwise it is a part of its own.
  const appendix = hasModelText
    ? `${closeOpenMarkdown(fallback.modelText)}\n\n${cutOffNotice(language, fallback.reason)}\n\n${combined.text}`
    : combined.text;
  const notCovered = extractive.notCovered && !hasModelText;
  // Said before the text, so a reader that commits to a mode at the first word (a response header) sees it.
  writer.write({
    type: 'message-metadata',
    messageMetadata: { ...fallback.metadata, mode: 'fallback', fallbackReason: fallback.reason },
  });
  writeCitations(writer, {
    citations: combined.citations,
    notCovered,
    nearest: notCovered ? extractive.nearest : [],
  });
  if (!hasModelText) {
    writer.write({ type: 'data-notice', data: { text: unavailableNotice(language, fallback.reason) } });
  }
  if (!fallback.textStarted) writer.write({ type: 'text-start', id: ANSWER_TEXT_ID });
  for (const delta of lineChunks(appendix)) writer.write({ type: 'text-delta', id: ANSWER_TEXT_ID, delta });
  writer.write({ type: 'text-end', id: ANSWER_TEXT_ID });
  const final: ChatMetadata = {
    ...fallback.metadata,
    mode: 'fallback',
    fallbackReason: fallback.reason,
    notCovered,
    totalMs: elapsedMs(context.startedAt),
  };
  writer.write({ type: 'message-metadata', messageMetadata: final });
  writer.write({ type: 'finish', finishReason: 'stop', messageMetadata: final });
  if (notCovered) reportGap(context, extractive, 'fallback');
}
