import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);

/** USD per one million tokens. */
const priceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) });
export type ModelPrice = z.infer<typeof priceSchema>;

const MIN_API_KEY_CHARS = 16;

/** Comma-separated bearer keys; a short key is refused so a guessable one never guards the API. */
const apiKeysSchema = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
  )
  .refine((keys) => keys.every((key) => key.length >= MIN_API_KEY_CHARS), {
    message: `every key must be at least ${MIN_API_KEY_CHARS} characters`,
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().trim().min(1).default('corpus'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  WEB_DIST_DIR: z.string().trim().min(1).default('dist/web'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  ADMIN_TOKEN: optionalText,
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(10_000),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_API: z.enum(['chat', 'responses']).default('chat'),
  LLM_FIRST_TOKEN_TIMEOUT_MS: milliseconds(15_000),
  LLM_TOTAL_TIMEOUT_MS: milliseconds(90_000),
  LLM_CONDENSE_TIMEOUT_MS: milliseconds(3_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64).max(8_192).default(900),
  LLM_MAX_PASSAGES: z.coerce.number().int().min(1).max(12).default(6),
  LLM_PRICES: optionalText.pipe(
    z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({
            code: 'custom',
            message: 'must be JSON like {"model":{"input":0.15,"output":0.6}}',
          });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), priceSchema))
      .optional(),
  ),
  API_KEYS: apiKeysSchema,
  PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).default('false'),
});

export interface AppConfig {
  port: number;
  host: string;
  corpusDir: string;
  dataDir: string;
  webDistDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** When set, /api/insights requires `Authorization: Bearer <token>`. */
  adminToken: string | null;
  /** Postgres for feedback, flags, gaps and shares when `url` is set; otherwise SQLite in `dataDir`. */
  database: { url: string | null; poolMax: number; connectTimeoutMs: number; statementTimeoutMs: number };
  llm: {
    /** null → search mode: no model is ever called. */
    apiKey: string | null;
    baseURL: string | null;
    model: string;
    /** Chat Completions is what OpenAI-compatible servers implement; Responses is OpenAI-only. */
    api: 'chat' | 'responses';
    firstTokenTimeoutMs: number;
    totalTimeoutMs: number;
    condenseTimeoutMs: number;
    /**
     * Retries of a refused call (5xx, 429, connection error) before any answer text, and only while the wait
     * (`retry-after`, else 2 s, 4 s …) ends before the first-token deadline: past it the real cause is shown.
     */
    maxRetries: number;
    maxOutputTokens: number;
    maxPassages: number;
    /** Overrides and additions to the built-in price table, USD per 1M tokens. */
    prices: Record<string, ModelPrice>;
  };
  /** Bearer keys for the OpenAI-compatible face and MCP; empty → only loopback clients may use them. */
  apiKeys: string[];
  /** Origin of the web UI in links handed to other clients, without a trailing slash; null → the request's. */
  publicBaseUrl: string | null;
  /** Whether the client address is read from `X-Forwarded-For` (only behind a trusted reverse proxy). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment once; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const vars = parsed.data;
  return {
    port: vars.PORT,
    host: vars.HOST,
    corpusDir: vars.CORPUS_DIR,
    dataDir: vars.DATA_DIR,
    webDistDir: vars.WEB_DIST_DIR,
    logLevel: vars.LOG_LEVEL,
    adminToken: vars.ADMIN_TOKEN ?? null,
    database: {
      url: vars.DATABASE_URL ?? null,
      poolMax: vars.DATABASE_POOL_MAX,
      connectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    llm: {
      apiKey: vars.OPENAI_API_KEY ?? null,
      baseURL: vars.OPENAI_BASE_URL ?? null,
      model: vars.OPENAI_MODEL,
      api: vars.OPENAI_API,
      firstTokenTimeoutMs: vars.LLM_FIRST_TOKEN_TIMEOUT_MS,
      totalTimeoutMs: vars.LLM_TOTAL_TIMEOUT_MS,
      condenseTimeoutMs: vars.LLM_CONDENSE_TIMEOUT_MS,
      maxRetries: vars.LLM_MAX_RETRIES,
      maxOutputTokens: vars.LLM_MAX_OUTPUT_TOKENS,
      maxPassages: vars.LLM_MAX_PASSAGES,
      prices: vars.LLM_PRICES ?? {},
    },
    apiKeys: vars.API_KEYS,
    publicBaseUrl: vars.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: vars.TRUST_PROXY === 'true' || vars.TRUST_PROXY === '1',
  };
}
