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

/** Requests per client per window; 0 turns that limit off. */
const perWindow = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

/** Hostnames separated by commas; empty → the default for the bind address. */
const hostListSchema = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== ''),
  );

/** A cosine similarity (-1–1) from the environment; unset stays undefined. */
const similarity = optionalText
  .transform((text) => (text === undefined ? undefined : Number(text)))
  .pipe(z.number({ error: 'must be a number' }).min(-1).max(1).optional());

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
  ANSWER_MAX_CHARS: z.coerce.number().int().min(200).max(200_000).default(12_000),
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
  RATE_LIMIT_WINDOW_MS: milliseconds(60_000),
  RATE_LIMIT_CHAT: perWindow(20),
  RATE_LIMIT_FEEDBACK: perWindow(60),
  RATE_LIMIT_SEARCH: perWindow(120),
  RATE_LIMIT_SHARES: perWindow(30),
  RATE_LIMIT_OPENAI: perWindow(60),
  RATE_LIMIT_MCP: perWindow(60),
  ADMIN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(10),
  ADMIN_LOCKOUT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(900_000),
  LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).max(10_000).default(16),
  REDIS_URL: optionalText.pipe(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
  ALLOWED_HOSTS: hostListSchema,
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(30_000),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  EMBEDDING_MODEL: optionalText,
  EMBEDDING_BASE_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// URL, e.g. http://localhost:11434/v1',
      })
      .optional(),
  ),
  EMBEDDING_API_KEY: optionalText,
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2_048).default(64),
  EMBEDDING_QUERY_TIMEOUT_MS: milliseconds(1_500),
  EMBEDDING_MIN_SIMILARITY: similarity,
  EMBEDDING_DECLINE_BELOW: similarity,
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
    /** Characters of model answer read before the server stops the call and marks the answer as cut. */
    maxAnswerChars: number;
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
  limits: LimitsConfig;
  /** Host header names the server answers to; empty → any host. */
  allowedHosts: string[];
  /** How long in-flight answers may run on after SIGTERM before they are ended with a notice. */
  shutdownDrainMs: number;
  http: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnections: number;
  };
  /** An OpenAI-compatible `/v1/embeddings` endpoint for hybrid search; null → keyword search only. */
  embeddings: EmbeddingsConfig | null;
}

export interface EmbeddingsConfig {
  model: string;
  /** null → OpenAI's own endpoint. */
  baseURL: string | null;
  /** `EMBEDDING_API_KEY`, else `OPENAI_API_KEY`; null for a local server that needs none. */
  apiKey: string | null;
  /** Chunks per request at index time. */
  batchSize: number;
  /** How long a search waits for its question's vector before it answers from keywords alone. */
  queryTimeoutMs: number;
  /** Cosine similarity at which the nearest section alone makes a question covered; null → never. */
  minSimilarity: number | null;
  /** Cosine similarity below which a question is declined even when its words meet the corpus; null → never. */
  declineBelow: number | null;
}

/** Route groups with a per-client request limit. */
export const LIMITED_ROUTES = ['chat', 'feedback', 'search', 'shares', 'openai', 'mcp'] as const;
export type LimitedRoute = (typeof LIMITED_ROUTES)[number];

export interface LimitsConfig {
  windowMs: number;
  /** Requests per client per window for each route group; 0 → unlimited. */
  perClient: Record<LimitedRoute, number>;
  /** Failed admin-token attempts per client before it is locked out for `windowMs`. */
  adminLockout: { attempts: number; windowMs: number };
  /** Model calls in flight at once, over every client; past it answers are made in search mode. */
  maxConcurrentModelCalls: number;
  /** Shared counters for several instances; null → in memory. */
  redisUrl: string | null;
}

/** Loopback names, the defaults for `allowedHosts` when the server binds to loopback. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** Whether the bind address keeps the server on this machine. */
export function bindsLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

function allowedHostsFor(vars: z.infer<typeof envSchema>): string[] {
  if (vars.ALLOWED_HOSTS.length > 0) return vars.ALLOWED_HOSTS;
  if (!bindsLoopback(vars.HOST)) return [];
  const publicHost = vars.PUBLIC_BASE_URL ? [new URL(vars.PUBLIC_BASE_URL).hostname.toLowerCase()] : [];
  return [...LOOPBACK_HOSTS, ...publicHost];
}

function embeddingsFor(vars: z.infer<typeof envSchema>): EmbeddingsConfig | null {
  if (!vars.EMBEDDING_MODEL) return null;
  return {
    model: vars.EMBEDDING_MODEL,
    baseURL: vars.EMBEDDING_BASE_URL ?? vars.OPENAI_BASE_URL ?? null,
    apiKey: vars.EMBEDDING_API_KEY ?? vars.OPENAI_API_KEY ?? null,
    batchSize: vars.EMBEDDING_BATCH_SIZE,
    queryTimeoutMs: vars.EMBEDDING_QUERY_TIMEOUT_MS,
    minSimilarity: vars.EMBEDDING_MIN_SIMILARITY ?? null,
    declineBelow: vars.EMBEDDING_DECLINE_BELOW ?? null,
  };
}

/** OpenAI's own endpoint refuses every call without a key: better said at startup than at the first search. */
function embeddingsProblems(embeddings: EmbeddingsConfig | null): string[] {
  if (!embeddings || embeddings.baseURL || embeddings.apiKey) return [];
  return [
    'EMBEDDING_MODEL: OpenAI embeddings need EMBEDDING_API_KEY or OPENAI_API_KEY (or set EMBEDDING_BASE_URL to a local server)',
  ];
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
  const embeddings = embeddingsFor(vars);
  const problems = embeddingsProblems(embeddings);
  if (problems.length > 0) throw new ConfigError(problems);
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
      maxAnswerChars: vars.ANSWER_MAX_CHARS,
      maxPassages: vars.LLM_MAX_PASSAGES,
      prices: vars.LLM_PRICES ?? {},
    },
    apiKeys: vars.API_KEYS,
    publicBaseUrl: vars.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: vars.TRUST_PROXY === 'true' || vars.TRUST_PROXY === '1',
    limits: {
      windowMs: vars.RATE_LIMIT_WINDOW_MS,
      perClient: {
        chat: vars.RATE_LIMIT_CHAT,
        feedback: vars.RATE_LIMIT_FEEDBACK,
        search: vars.RATE_LIMIT_SEARCH,
        shares: vars.RATE_LIMIT_SHARES,
        openai: vars.RATE_LIMIT_OPENAI,
        mcp: vars.RATE_LIMIT_MCP,
      },
      adminLockout: { attempts: vars.ADMIN_LOCKOUT_ATTEMPTS, windowMs: vars.ADMIN_LOCKOUT_MS },
      maxConcurrentModelCalls: vars.LLM_MAX_CONCURRENT,
      redisUrl: vars.REDIS_URL ?? null,
    },
    allowedHosts: allowedHostsFor(vars),
    shutdownDrainMs: vars.SHUTDOWN_DRAIN_MS,
    http: {
      headersTimeoutMs: vars.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: vars.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: vars.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: vars.HTTP_MAX_CONNECTIONS,
    },
    embeddings,
  };
}
