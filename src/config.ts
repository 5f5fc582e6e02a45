import { z } from 'zod';

/**
 * Environment -> validated config, parsed once in the entry point and passed in (STYLE.md 5).
 * Errors name the variable and what it takes, never its value (it may be a secret).
 */
const schema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHART_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  RENDER_HEAP: z.enum(['compact', 'fast']).default('compact'),
  MAX_CONCURRENT: z.coerce.number().int().min(1).max(256).default(4),
  MAX_QUEUED: z.coerce.number().int().min(0).max(10_000).default(100),
  COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  RATE_LIMIT_USER_PER_MIN: z.coerce.number().positive().max(100_000).default(12),
  RATE_LIMIT_USER_BURST: z.coerce.number().int().min(1).max(100_000).default(5),
  RATE_LIMIT_CHANNEL_PER_MIN: z.coerce.number().positive().max(100_000).default(60),
  RATE_LIMIT_CHANNEL_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  RATE_LIMIT_CLICKS_PER_MIN: z.coerce.number().positive().max(100_000).default(120),
  RATE_LIMIT_CLICKS_BURST: z.coerce.number().int().min(1).max(100_000).default(30),
  LOSSBOT_DOCS_URL: z.url().optional(),
});

export type RenderHeap = 'compact' | 'fast';

/** Rate limits, queue and timeout: what the request protocol needs, in one place. */
export interface Limits {
  concurrency: number;
  maxQueued: number;
  timeoutMs: number;
  user: { perMinute: number; capacity: number };
  channel: { perMinute: number; capacity: number };
  /** Page clicks (Previous / Next / All) per user, apart from commands. */
  click: { perMinute: number; capacity: number };
}

export type Config = {
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  chartThreads: number | undefined;
  /** How the render threads' heaps are sized: for a small host (compact) or for latency (fast); README, "Charts". */
  renderHeap: RenderHeap;
  limits: Limits;
  /** After SIGTERM, how long acknowledged requests get to finish before they are told to ask again. */
  drainMs: number;
  /** Where `/lossbot about` and help point readers (the README); unset: they name the README in words. */
  docsUrl: string | undefined;
};

export const DEFAULT_LIMITS: Limits = limitsOf(schema.parse({}));

function limitsOf(env: z.infer<typeof schema>): Limits {
  return {
    concurrency: env.MAX_CONCURRENT,
    maxQueued: env.MAX_QUEUED,
    timeoutMs: env.COMMAND_TIMEOUT_MS,
    user: { perMinute: env.RATE_LIMIT_USER_PER_MIN, capacity: env.RATE_LIMIT_USER_BURST },
    channel: { perMinute: env.RATE_LIMIT_CHANNEL_PER_MIN, capacity: env.RATE_LIMIT_CHANNEL_BURST },
    click: { perMinute: env.RATE_LIMIT_CLICKS_PER_MIN, capacity: env.RATE_LIMIT_CLICKS_BURST },
  };
}

export class ConfigError extends Error {}

/**
 * The variables `schema` names, parsed from the environment. An empty variable (`MAX_QUEUED=` in a
 * .env) counts as unset, not as 0 or "". A problem throws a ConfigError that names the variable and
 * what it takes, never its value (it may be a secret).
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv, what: string): z.infer<S> {
  const given = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid ${what}: ${problems.join('; ')}. See .env.example.`);
  }
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseEnv(schema, env, 'environment');
  return { logLevel: parsed.LOG_LEVEL, chartThreads: parsed.CHART_THREADS, renderHeap: parsed.RENDER_HEAP, limits: limitsOf(parsed), drainMs: parsed.SHUTDOWN_DRAIN_MS, docsUrl: parsed.LOSSBOT_DOCS_URL };
}
