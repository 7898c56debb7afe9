import type { LanguageModel } from 'ai';

/** The configured LLM, or null in search mode. */
export interface ChatModel {
  /** The model name as configured, shown to users and used for pricing. */
  id: string;
  languageModel: LanguageModel;
}
