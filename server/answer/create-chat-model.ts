import { createOpenAI } from '@ai-sdk/openai';
import type { AppConfig } from '../config.js';
import type { ChatModel } from './chat-model.js';

/**
 * The configured LLM, or null without an API key (search mode). Chat Completions by default, because that is
 * what DeepSeek, Qwen, Moonshot, Ollama and vLLM serve; the Responses API only when asked for (OpenAI only).
 * Timeouts are not set here: each request arms its own first-token and total timers.
 */
export function createChatModel(llm: AppConfig['llm']): ChatModel | null {
  if (!llm.apiKey) return null;
  const provider = createOpenAI({ apiKey: llm.apiKey, ...(llm.baseURL ? { baseURL: llm.baseURL } : {}) });
  const languageModel = llm.api === 'responses' ? provider.responses(llm.model) : provider.chat(llm.model);
  return { id: llm.model, languageModel };
}
