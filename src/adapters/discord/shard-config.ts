import { z } from 'zod';
import { parseEnv } from '../../config.js';

/** What `npm run start:sharded` hands discord.js's ShardingManager (its option names). */
export interface ShardConfig {
  /** Shards in all; 'auto' asks Discord for its recommended count at start-up. */
  totalShards: number | 'auto';
  /** The shards this process runs (to spread them over machines); 'auto' runs them all. */
  shardList: number[] | 'auto';
  spawnDelayMs: number;
}

const SHARDS = 'must be a positive whole number or "auto"';
const SHARD_LIST = 'must be shard ids (whole numbers from 0) separated by commas, e.g. "0,1"';
const DELAY = 'must be a whole number of milliseconds from 0 to 120000';

const schema = z
  .object({
    DISCORD_SHARDS: z
      .string()
      .regex(/^(auto|[1-9]\d*)$/, SHARDS)
      .transform((value) => (value === 'auto' ? 'auto' : Number(value)))
      .default('auto'),
    DISCORD_SHARD_LIST: z
      .string()
      .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, SHARD_LIST)
      .transform((value) => value.split(',').map(Number))
      .refine((ids) => new Set(ids).size === ids.length, 'must not name a shard id twice')
      .optional(),
    // Discord allows one IDENTIFY per 5 s (max_concurrency 1), hence discord.js's 5.5 s default.
    SHARD_SPAWN_DELAY_MS: z
      .string()
      .regex(/^\d+$/, DELAY)
      .transform(Number)
      .pipe(z.number().max(120_000, DELAY))
      .default(5_500),
  })
  .superRefine(({ DISCORD_SHARDS: total, DISCORD_SHARD_LIST: list }, ctx) => {
    if (typeof total === 'number' && list?.some((id) => id >= total)) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARD_LIST'], message: 'must name shard ids below DISCORD_SHARDS (they count from 0)' });
    }
  });

/** Parsed once in src/shard-main.ts. An empty variable counts as unset; errors name the variable, never its value. */
export function readShardConfig(env: NodeJS.ProcessEnv = process.env): ShardConfig {
  const parsed = parseEnv(schema, env, 'shard settings');
  return {
    totalShards: parsed.DISCORD_SHARDS,
    shardList: parsed.DISCORD_SHARD_LIST ?? 'auto',
    spawnDelayMs: parsed.SHARD_SPAWN_DELAY_MS,
  };
}
