import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { Attempt } from '../../src/store/practice-store.js';

const PG_URL = process.env.LOSSBOT_TEST_DATABASE_URL || undefined;

export interface StoreBackend {
  name: string;
  open: () => Promise<Store>;
  skip?: string;
}

/**
 * A fresh database of each kind: a SQLite file in a temporary folder (in a folder not made yet,
 * so opening makes it); a PostgreSQL schema of its own, run only where a test database is given.
 */
export const storeBackends: readonly StoreBackend[] = [
  {
    name: 'SQLite',
    open: async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-store-'));
      after(() => rm(folder, { recursive: true, force: true }));
      return openStore({ kind: 'sqlite', file: path.join(folder, 'nested', 'lossbot.sqlite') });
    },
  },
  {
    name: 'PostgreSQL',
    open: () => openStore({ kind: 'postgres', url: PG_URL ?? '' }, { schema: `test_${process.pid}_${Math.floor(Math.random() * 1e9)}` }),
    ...(PG_URL ? {} : { skip: 'skipped: set LOSSBOT_TEST_DATABASE_URL to a PostgreSQL database to run these (.ci/run does)' }),
  },
];

/** One practice answer at `atMs` unless overridden: ada's right answer to the card's kind of problem. */
export const attemptAt = (atMs: number) => (overrides: Partial<Attempt> = {}): Attempt => ({
  platform: 'discord', serverId: 'guild-1', userId: 'ada', kind: 'bce/one-point', topic: 'bce', level: 1, correct: true, mistake: null, atMs, ...overrides,
});
