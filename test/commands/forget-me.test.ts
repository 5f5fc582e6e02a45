import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import type { RunContext } from '../../src/core/command.js';
import { createLogger } from '../../src/core/logger.js';
import type { Asker, Progress } from '../../src/core/progress.js';
import { StoreProgress } from '../../src/store/store-progress.js';
import { createTestDispatcher } from '../support/core.js';

const dispatcher = createTestDispatcher();
const ada: Asker = { platform: 'discord', serverId: 'guild-1', userId: 'ada' };
const result = { kind: 'bce/one-point', topic: 'bce', level: 1, correct: false, mistake: 'log10' };

function capturedLogger() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}

async function withSqlite<T>(use: (progress: StoreProgress) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-forget-'));
  const progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') }, capturedLogger().logger);
  try {
    return await use(progress);
  } finally {
    await progress.close();
    await rm(folder, { recursive: true, force: true });
  }
}

const ask = (line: string, ctx: Partial<RunContext>) => dispatcher.handleLine(line, { theme: 'light', ...ctx });

describe('/lossbot forget-me', () => {
  test('GIVEN attempts kept about the asker THEN all of them go at once, the answer says how many and what they held, others stay', async () => {
    await withSqlite(async (progress) => {
      assert.equal(await progress.open(), true);
      for (let i = 0; i < 3; i++) await progress.record(ada, result);
      await progress.record({ ...ada, userId: 'bob' }, result);
      await progress.record({ ...ada, platform: 'slack' }, result);
      const reply = await ask('/lossbot forget-me', { asker: ada, progress });
      assert.ok(reply.ok, reply.summary);
      assert.equal(reply.data.deleted, 3);
      assert.match(reply.summary, /^Deleted everything lossbot kept about you on Discord: 3 practice attempts \(the kind of problem, its level, right or wrong, the mistake, the server and when\)\. It never stores message text\.$/);
      assert.equal((await progress.stats(ada)).attempts, 0);
      assert.equal((await progress.stats({ ...ada, userId: 'bob' })).attempts, 1);
      assert.equal((await progress.stats({ ...ada, platform: 'slack' })).attempts, 1);
      const again = await ask('/lossbot forget-me', { asker: ada, progress });
      assert.match(again.summary, /kept nothing about you on Discord/);
    });
  });

  test('GIVEN no database, or one that fails THEN the answer says so plainly and nothing crashes', async () => {
    const none = await ask('/lossbot forget-me', { asker: ada });
    assert.ok(none.ok);
    assert.match(none.summary, /this bot has no database/);
    const failing: Progress = {
      record: async () => undefined,
      stats: async () => ({ attempts: 0, correct: 0, streak: 0, byTopic: {} }),
      dueForReview: async () => [],
      forget: async () => { throw new Error('connection refused'); },
    };
    const down = await ask('/lossbot forget-me', { asker: ada, progress: failing });
    assert.ok(down.ok);
    assert.equal(down.data.deleted, null);
    assert.match(down.summary, /^The database could not be reached, so nothing was deleted yet/);
  });

  test('GIVEN a PostgreSQL server that does not answer THEN the bot logs it without the URL\'s password, runs on, and retries later', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const { logger, lines } = capturedLogger();
    const progress = new StoreProgress({ kind: 'postgres', url: `postgres://lossbot:s3cret-pw@127.0.0.1:${port}/lossbot` }, logger);
    try {
      assert.equal(await progress.open(), false);
      const log = lines.join('');
      assert.match(log, /the database cannot be used: practice answers are checked but not saved/);
      assert.doesNotMatch(log, /s3cret-pw/);
      const reply = await ask('/lossbot forget-me', { asker: ada, progress });
      assert.match(reply.summary, /could not be reached/);
      const other = await ask('/entropy q=0.5,0.5', { asker: ada, progress });
      assert.ok(other.ok, 'every other command works as before');
    } finally {
      await progress.close();
      silent.close();
    }
  });
});
