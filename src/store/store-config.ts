import { z } from 'zod';
import { parseEnv } from '../config.js';

const schema = z.object({
  LOSSBOT_DB: z.string().min(1).default('data/lossbot.sqlite'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL').optional(),
});

/** Where progress is kept: PostgreSQL when DATABASE_URL is set (replicas and shards share it), else a SQLite file. */
export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function readStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = parseEnv(schema, env, 'database settings');
  return parsed.DATABASE_URL ? { kind: 'postgres', url: parsed.DATABASE_URL } : { kind: 'sqlite', file: parsed.LOSSBOT_DB };
}
