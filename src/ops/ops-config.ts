import { z } from 'zod';
import { parseEnv } from '../config.js';

const schema = z.object({
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
});

/** Where /healthz and /metrics are served; `port` undefined: on no port of their own. */
export interface OpsConfig {
  port: number | undefined;
  host: string;
}

/**
 * HEALTH_PORT and HEALTH_HOST. The host defaults to 127.0.0.1 so that nothing is exposed that was
 * not asked for; a container sets HEALTH_HOST=0.0.0.0 (a probe that cannot connect fails loudly,
 * an exposed port does not). Under `npm run start:sharded` every shard is its own process:
 * discord.js's ShardingManager sets SHARDS to the shard's id, and each listens on HEALTH_PORT
 * plus that id so that the processes of one machine do not collide.
 */
export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = parseEnv(schema, env, 'health settings');
  const shard = Number(env.SHARDS?.split(',')[0]);
  const offset = parsed.HEALTH_PORT && Number.isInteger(shard) && shard > 0 ? shard : 0;
  return { port: parsed.HEALTH_PORT === undefined ? undefined : Math.min(parsed.HEALTH_PORT + offset, 65_535), host: parsed.HEALTH_HOST };
}
