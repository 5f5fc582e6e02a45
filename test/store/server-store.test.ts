import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { attemptAt, storeBackends } from '../support/store-backends.js';
import { weekStartMs } from '../../src/core/server-activity.js';
import { SETTINGS_READ_MS } from '../../src/core/settings-lookup.js';
import type { Attempt } from '../../src/store/practice-store.js';
import { StoreServer } from '../../src/store/store-server.js';
import { UsageCounter } from '../../src/store/usage-counter.js';
import { createLogger } from '../../src/core/logger.js';

const NOW = Date.UTC(2026, 11, 2, 12); // a Wednesday

const attempt = attemptAt(NOW);

const backends = storeBackends;

test('GIVEN moments of a week THEN the week starts on its Monday 00:00 UTC', () => {
  const monday = Date.UTC(2026, 10, 30);
  assert.equal(new Date(monday).getUTCDay(), 1);
  assert.equal(weekStartMs(NOW), monday);
  assert.equal(weekStartMs(monday), monday);
  assert.equal(weekStartMs(monday - 1), monday - 7 * 24 * 60 * 60 * 1000, 'Sunday 23:59:59.999 is the week before');
  assert.equal(weekStartMs(Date.UTC(2026, 11, 6, 23, 59)), monday, 'Sunday evening is still this week');
});

for (const backend of backends) {
  describe(`server settings and activity on ${backend.name}`, { ...(backend.skip ? { skip: backend.skip } : {}) }, () => {
    test('GIVEN no row THEN no settings; GIVEN changes THEN each upsert sets those and keeps the others, per platform and server', async () => {
      const store = await backend.open();
      try {
        assert.deepEqual(await store.settings.read('discord', 'guild-1'), {});
        assert.deepEqual(await store.settings.write('discord', 'guild-1', { answers: 'private' }, NOW), { answers: 'private' });
        assert.deepEqual(await store.settings.write('discord', 'guild-1', { base: '2', leaderboard: 'on' }, NOW + 1), { answers: 'private', base: '2', leaderboard: 'on' });
        assert.deepEqual(await store.settings.write('discord', 'guild-1', { answers: 'public', theme: 'light', practice: 'off' }, NOW + 2), { answers: 'public', base: '2', leaderboard: 'on', theme: 'light', practice: 'off' });
        assert.deepEqual(await store.settings.read('slack', 'guild-1'), {}, 'another platform\'s server of the same id');
        assert.deepEqual(await store.settings.read('discord', 'guild-2'), {});
      } finally {
        await store.close();
      }
    });

    test('GIVEN a channel list THEN it reads back in order; channels=all (an empty list) clears it', async () => {
      const store = await backend.open();
      try {
        assert.deepEqual(await store.settings.write('slack', 'T1', { channels: ['ml-help', 'C0123ABCD'] }, NOW), { channels: ['ml-help', 'C0123ABCD'] });
        assert.deepEqual(await store.settings.write('slack', 'T1', { channels: [] }, NOW), {});
      } finally {
        await store.close();
      }
    });

    test('GIVEN 500 reads of one server\'s settings THEN each takes far less than the per-request budget (primary-key read)', async () => {
      const store = await backend.open();
      try {
        for (let i = 0; i < 50; i++) await store.settings.write('discord', `guild-${i}`, { base: '2' }, NOW);
        const times: number[] = [];
        for (let i = 0; i < 500; i++) {
          const start = performance.now();
          await store.settings.read('discord', `guild-${i % 50}`);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const median = times[250] as number;
        const p99 = times[495] as number;
        // Measured here (2 shared cores, other work running): SQLite median 0.07 ms, p99 10 ms;
        // PostgreSQL on 127.0.0.1 median 1.5 ms, p99 13 ms. The p99 is the machine's, not the query's,
        // so the bound is on the median.
        process.stderr.write(`settings read on ${backend.name}: median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms\n`);
        assert.ok(median < SETTINGS_READ_MS / 50, `median ${median} ms`);
      } finally {
        await store.close();
      }
    });

    test('GIVEN attempts THEN the leaderboard ranks this server\'s correct answers since Monday, at most the limit, and forget-me takes a student off', async () => {
      const store = await backend.open();
      try {
        const since = weekStartMs(NOW);
        const rows: Attempt[] = [
          ...Array.from({ length: 3 }, (_, i) => attempt({ userId: 'ada', atMs: since + i })),
          attempt({ userId: 'ada', correct: false, mistake: 'log10', atMs: since + 10 }),
          ...Array.from({ length: 5 }, (_, i) => attempt({ userId: 'bob', atMs: since + 100 + i })),
          ...Array.from({ length: 3 }, (_, i) => attempt({ userId: 'cy', atMs: since + 200 + i })),
          ...Array.from({ length: 9 }, (_, i) => attempt({ userId: 'old', atMs: since - 1 - i })),
          ...Array.from({ length: 9 }, (_, i) => attempt({ userId: 'other', serverId: 'guild-2', atMs: since + i })),
          ...Array.from({ length: 9 }, (_, i) => attempt({ userId: 'ada', platform: 'slack', atMs: since + i })),
        ];
        for (const row of rows) await store.practice.record(row);
        assert.deepEqual(await store.activity.leaderboard('discord', 'guild-1', since, 10), [
          { userId: 'bob', correct: 5 },
          { userId: 'ada', correct: 3 },
          { userId: 'cy', correct: 3 },
        ], 'a tie goes to who got there first');
        assert.deepEqual(await store.activity.leaderboard('discord', 'guild-1', since, 1), [{ userId: 'bob', correct: 5 }]);
        assert.deepEqual(await store.activity.practiceSince('discord', 'guild-1', since), { attempts: 12, students: 3 });
        await store.practice.forget('discord', 'bob');
        assert.deepEqual((await store.activity.leaderboard('discord', 'guild-1', since, 10)).map((r) => r.userId), ['ada', 'cy']);
      } finally {
        await store.close();
      }
    });

    test('GIVEN answered requests THEN the counter writes them in one batch, summed per server, command and day, without user ids', async () => {
      const store = await backend.open();
      try {
        let now = NOW;
        const counter = new UsageCounter(async () => store, createLogger('silent'), () => now, 60_000);
        const event = { platform: 'discord', serverId: 'guild-1', command: 'logloss', kind: 'command' as const, outcome: 'answered' as const, latencyMs: 1, queueLoad: 0 };
        for (let i = 0; i < 4; i++) counter.count(event);
        counter.count({ ...event, command: 'entropy' });
        counter.count({ ...event, outcome: 'user-error' });
        counter.count({ ...event, kind: 'click' });
        counter.count({ ...event, serverId: '' });
        await counter.flush();
        now = NOW + 60_000;
        counter.count(event);
        await counter.flush();
        assert.deepEqual(await store.usage.since('discord', 'guild-1', '2026-11-30'), { entropy: 1, logloss: 5 });
        const server = new StoreServer(async () => store, () => NOW);
        assert.deepEqual(await server.week('discord', 'guild-1', weekStartMs(NOW)), { attempts: 0, students: 0, commands: { entropy: 1, logloss: 5 } });
        assert.deepEqual(await store.usage.since('discord', 'guild-1', '2026-12-03'), {});
        assert.equal(await store.usage.prune('2026-12-03'), 2);
      } finally {
        await store.close();
      }
    });
  });
}

describe('the retention sweep', () => {
  test('GIVEN day counts older than 365 days THEN the sweep at start deletes them with the old practice rows', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-store-'));
    const { StoreProgress } = await import('../../src/store/store-progress.js');
    const progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') }, createLogger('silent'), () => NOW);
    try {
      const store = await progress.store();
      const count = { platform: 'discord', serverId: 'guild-1', command: 'logloss', count: 3 };
      await store.usage.add([{ ...count, day: '2025-12-01' }, { ...count, day: '2025-12-03' }]);
      assert.equal(await progress.open(), true);
      assert.deepEqual(await store.usage.since('discord', 'guild-1', '2000-01-01'), { logloss: 3 }, '2025-12-01 is more than 365 days before 2026-12-02');
    } finally {
      await progress.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('database errors behind the settings', () => {
  test('GIVEN a database that fails THEN each failed settings or activity operation is told to the metric, and the error still reaches the caller', async () => {
    const failed: string[] = [];
    const server = new StoreServer(async () => { throw new Error('connection refused'); }, () => NOW, (operation) => failed.push(operation));
    await assert.rejects(server.read('discord', 'guild-1'), /connection refused/);
    await assert.rejects(server.write('discord', 'guild-1', { answers: 'private' }), /connection refused/);
    await assert.rejects(server.leaderboard('discord', 'guild-1', NOW, 10), /connection refused/);
    assert.deepEqual(failed, ['settings-read', 'settings-write', 'activity']);
  });
});
