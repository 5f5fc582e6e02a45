import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { attemptAt, storeBackends } from '../support/store-backends.js';
import { openStore } from '../../src/store/open-store.js';
import { readStoreConfig, type StoreConfig } from '../../src/store/store-config.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 1, 12);

const attempt = attemptAt(NOW);

const backends = storeBackends;

for (const backend of backends) {
  describe(`practice progress on ${backend.name}`, { ...(backend.skip ? { skip: backend.skip } : {}) }, () => {
    test('GIVEN attempts THEN stats count attempts, correct answers, the streak from the latest, and each topic', async () => {
      const store = await backend.open();
      try {
        const history = [
          attempt({ correct: false, mistake: 'log10', atMs: NOW - 5000 }),
          attempt({ correct: true, atMs: NOW - 4000 }),
          attempt({ topic: 'kl', kind: 'kl/two-classes', level: 3, correct: false, mistake: 'kl-reversed', atMs: NOW - 3000 }),
          attempt({ correct: true, atMs: NOW - 2000 }),
          attempt({ topic: 'kl', kind: 'kl/two-classes', level: 3, correct: true, atMs: NOW - 1000 }),
        ];
        for (const a of history) await store.practice.record(a);
        await store.practice.record(attempt({ userId: 'bob', correct: false }));
        await store.practice.record(attempt({ platform: 'slack', correct: false }));
        const stats = await store.practice.stats('discord', 'ada');
        assert.deepEqual(stats, { attempts: 5, correct: 3, streak: 2, byTopic: { bce: { attempts: 3, correct: 2 }, kl: { attempts: 2, correct: 1 } } });
        const back = await store.practice.history('discord', 'ada');
        assert.deepEqual(back, history, 'every field reads back as written, oldest first');
      } finally {
        await store.close();
      }
    });

    test('GIVEN a kind missed THEN it is due after 1 day, then 3 and 7 days after each correct review, then no more', async () => {
      const store = await backend.open();
      try {
        const miss = attempt({ correct: false, mistake: 'wrong-class', atMs: NOW });
        await store.practice.record(miss);
        assert.deepEqual(await store.practice.dueForReview('discord', 'ada', NOW + DAY - 1), []);
        assert.deepEqual(await store.practice.dueForReview('discord', 'ada', NOW + DAY), [{ kind: 'bce/one-point', topic: 'bce', level: 1, missedAtMs: NOW, daysSinceMiss: 1 }]);
        await store.practice.record(attempt({ atMs: NOW + DAY }));
        assert.deepEqual(await store.practice.dueForReview('discord', 'ada', NOW + 4 * DAY - 1), []);
        assert.equal((await store.practice.dueForReview('discord', 'ada', NOW + 4 * DAY))[0]?.daysSinceMiss, 4);
        await store.practice.record(attempt({ atMs: NOW + 4 * DAY }));
        assert.equal((await store.practice.dueForReview('discord', 'ada', NOW + 11 * DAY)).length, 1);
        await store.practice.record(attempt({ atMs: NOW + 11 * DAY }));
        assert.deepEqual(await store.practice.dueForReview('discord', 'ada', NOW + 400 * DAY), [], 'learnt');
      } finally {
        await store.close();
      }
    });

    test('GIVEN forget-me THEN every row of that user on that platform goes at once, and no one else\'s', async () => {
      const store = await backend.open();
      try {
        for (let i = 0; i < 3; i++) await store.practice.record(attempt({ atMs: NOW + i }));
        await store.practice.record(attempt({ userId: 'bob' }));
        await store.practice.record(attempt({ platform: 'slack' }));
        assert.equal(await store.practice.forget('discord', 'ada'), 3);
        assert.equal((await store.practice.stats('discord', 'ada')).attempts, 0);
        assert.equal((await store.practice.stats('discord', 'bob')).attempts, 1);
        assert.equal((await store.practice.stats('slack', 'ada')).attempts, 1);
        assert.equal(await store.practice.forget('discord', 'ada'), 0);
      } finally {
        await store.close();
      }
    });

    test('GIVEN 700 answers saved at once THEN all are kept (written in batches), each caller told when its own is', async () => {
      const store = await backend.open();
      try {
        await Promise.all(Array.from({ length: 700 }, (_, i) => store.practice.record(attempt({ userId: `u${i % 7}`, correct: i % 2 === 0, atMs: NOW + i }))));
        const counts = await Promise.all(Array.from({ length: 7 }, (_, u) => store.practice.stats('discord', `u${u}`)));
        assert.deepEqual(counts.map((c) => c.attempts), [100, 100, 100, 100, 100, 100, 100]);
      } finally {
        await store.close();
      }
    });

    test('GIVEN rows older than 365 days THEN the sweep deletes them and keeps the rest', async () => {
      const store = await backend.open();
      try {
        await store.practice.record(attempt({ atMs: NOW - 366 * DAY }));
        await store.practice.record(attempt({ atMs: NOW - 364 * DAY }));
        assert.equal(await store.practice.prune(NOW), 1);
        assert.equal((await store.practice.stats('discord', 'ada')).attempts, 1);
      } finally {
        await store.close();
      }
    });
  });
}

describe('opening the database', () => {
  test('GIVEN a SQLite file opened twice THEN the second start finds the schema migrated and the rows kept', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-store-'));
    try {
      const config: StoreConfig = { kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') };
      const first = await openStore(config);
      await first.practice.record(attempt());
      await first.close();
      const second = await openStore(config);
      assert.equal((await second.practice.stats('discord', 'ada')).attempts, 1);
      await second.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('GIVEN a PostgreSQL server that does not answer THEN opening rejects with its error, no hang, no crash', async () => {
    // A port that accepts connections and says nothing.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await assert.rejects(openStore({ kind: 'postgres', url: `postgres://nobody@127.0.0.1:${port}/none` }), /timeout|terminated|Connection/i);
    } finally {
      silent.close();
    }
  });

  test('GIVEN the environment THEN SQLite by default, PostgreSQL with DATABASE_URL, an empty variable counting as unset', () => {
    assert.deepEqual(readStoreConfig({}), { kind: 'sqlite', file: 'data/lossbot.sqlite' });
    assert.deepEqual(readStoreConfig({ LOSSBOT_DB: '', DATABASE_URL: '' }), { kind: 'sqlite', file: 'data/lossbot.sqlite' });
    assert.deepEqual(readStoreConfig({ LOSSBOT_DB: '/var/lib/lossbot/progress.sqlite' }), { kind: 'sqlite', file: '/var/lib/lossbot/progress.sqlite' });
    assert.deepEqual(readStoreConfig({ DATABASE_URL: 'postgres://u@db/lossbot' }), { kind: 'postgres', url: 'postgres://u@db/lossbot' });
    assert.throws(() => readStoreConfig({ DATABASE_URL: 'mysql://u@db/x' }), (error: Error) => /DATABASE_URL/.test(error.message) && !error.message.includes('mysql://u@db/x'));
  });
});
