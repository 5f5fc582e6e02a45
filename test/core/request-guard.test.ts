import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import { RequestGuard, type GuardOptions } from '../../src/core/request-guard.js';
import { TokenBuckets } from '../../src/core/token-buckets.js';
import { WorkQueue } from '../../src/core/work-queue.js';

const answer = (command: string): Reply => ({ ok: true, command, title: 't', summary: 's', fields: [], images: [], data: {} });

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function guard(overrides: Partial<GuardOptions> = {}): RequestGuard {
  return new RequestGuard({
    concurrency: 1,
    maxQueued: 1,
    user: { capacity: 100, perMinute: 600 },
    channel: { capacity: 100, perMinute: 600 },
    ...overrides,
  });
}

describe('token buckets', () => {
  test('GIVEN a burst of 3 and 6 per minute THEN the 4th request waits 10 s, and a refill lets one through', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, perMinute: 6, now: () => now });
    for (let i = 0; i < 3; i++) assert.deepEqual(buckets.take('u1'), { ok: true });
    assert.deepEqual(buckets.take('u1'), { ok: false, retryAfterMs: 10_000 });
    assert.deepEqual(buckets.take('u2'), { ok: true }, 'another user has their own bucket');
    now += 10_000;
    assert.deepEqual(buckets.take('u1'), { ok: true });
    assert.equal(buckets.take('u1').ok, false);
  });
});

describe('work queue', () => {
  test('GIVEN 1 running and 1 queued THEN a third reservation is refused at once, and everything reserved runs in order', async () => {
    const queue = new WorkQueue(1, 1);
    const first = deferred<string>();
    const a = queue.reserve();
    const b = queue.reserve();
    assert.ok(a && b);
    assert.equal(queue.reserve(), undefined);
    const order: string[] = [];
    const ra = a.run(async () => { order.push('a'); return first.promise; });
    const rb = b.run(async () => { order.push('b'); return 'b'; });
    assert.deepEqual(order, []);
    await Promise.resolve();
    assert.deepEqual(order, ['a'], 'b waits for the one slot');
    first.resolve('a');
    assert.deepEqual(await Promise.all([ra, rb]), ['a', 'b']);
    assert.equal(queue.load, 0);
    const c = queue.reserve();
    c?.cancel();
    assert.equal(queue.load, 0, 'a cancelled reservation frees its place');
  });
});

describe('request guard', () => {
  test('GIVEN a full queue THEN "busy" at once, and the accepted requests still run', async () => {
    const g = guard();
    const gate = deferred<void>();
    const tickets = [g.admit({ platform: 'test', command: 'logloss', userId: 'a' }), g.admit({ platform: 'test', command: 'logloss', userId: 'b' })];
    const refused = g.admit({ platform: 'test', command: 'logloss', userId: 'c' });
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.code, 'busy');
      assert.equal(refused.reply.error?.code, 'busy');
      assert.match(refused.reply.summary, /busy .* try again in a few seconds/);
    }
    const runs = tickets.map((t) => (t.ok ? t.ticket.run(async () => { await gate.promise; return answer('logloss'); }) : Promise.reject(new Error('not admitted'))));
    gate.resolve();
    const replies = await Promise.all(runs);
    assert.ok(replies.every((r) => r.ok));
    assert.equal(g.load, 0);
  });

  test('GIVEN a user over the limit THEN a notice with the time to wait; another user is not affected', () => {
    const g = guard({ user: { capacity: 2, perMinute: 2 }, concurrency: 10, maxQueued: 10 });
    const meta = { platform: 'test', command: 'entropy', userId: 'u', channelId: 'c' };
    assert.ok(g.admit(meta).ok);
    assert.ok(g.admit(meta).ok);
    const limited = g.admit(meta);
    assert.equal(limited.ok, false);
    if (!limited.ok) {
      assert.equal(limited.reply.error?.code, 'rate-limited');
      assert.match(limited.reply.summary, /try again in 30 seconds/);
    }
    assert.ok(g.admit({ ...meta, userId: 'v' }).ok);
  });

  test('GIVEN a channel over its limit THEN its users are told, other channels are not', () => {
    const g = guard({ channel: { capacity: 1, perMinute: 1 }, concurrency: 10, maxQueued: 10 });
    assert.ok(g.admit({ platform: 't', command: 'x', userId: 'a', channelId: 'c1' }).ok);
    const limited = g.admit({ platform: 't', command: 'x', userId: 'b', channelId: 'c1' });
    assert.ok(!limited.ok && /This channel/.test(limited.reply.summary));
    assert.ok(g.admit({ platform: 't', command: 'x', userId: 'b', channelId: 'c2' }).ok);
  });
});
