import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { QueueClosedError, RenderQueue } from '../../src/render/render-queue.js';

/** A stand-in for the pool: every task it is handed waits until the test ends it. */
function fakePool() {
  const handed: Array<{ task: string; end: (ok: boolean) => void }> = [];
  const run = (task: string) =>
    new Promise<string>((resolve, reject) => {
      handed.push({ task, end: (ok) => (ok ? resolve(`png of ${task}`) : reject(new Error(`${task} failed`))) });
    });
  return { handed, run };
}

const handedTasks = (pool: ReturnType<typeof fakePool>) => pool.handed.map((h) => h.task);

describe('the render queue (tasks handed to the pool always run to their end)', () => {
  test('GIVEN every thread busy with an abandoned task THEN the next task is handed over at once, up to the spare threads', async () => {
    const pool = fakePool();
    const late: boolean[] = [];
    const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 1, onLateSettle: ({ ok }) => late.push(ok) });
    const stop = new AbortController();
    const slow = queue.run('slow', stop.signal);
    const second = queue.run('second');
    const third = queue.run('third');
    assert.deepEqual(handedTasks(pool), ['slow'], 'one thread: the others wait');
    stop.abort(new Error('request over'));
    await assert.rejects(slow, /request over/);
    assert.deepEqual(handedTasks(pool), ['slow', 'second'], 'a spare thread takes the next task');
    pool.handed[1]!.end(true);
    assert.equal(await second, 'png of second');
    assert.deepEqual(handedTasks(pool), ['slow', 'second', 'third']);
    pool.handed[0]!.end(true);
    pool.handed[2]!.end(true);
    assert.equal(await third, 'png of third');
    assert.deepEqual(late, [true], "the abandoned task's end is observed, its result dropped");
    assert.equal(queue.inFlight, 0);
  });

  test('GIVEN the spare threads are used up by abandoned tasks THEN new work waits for a thread', async () => {
    const pool = fakePool();
    let lateEnd = () => {};
    const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 1, onLateSettle: () => lateEnd() });
    const stops = [new AbortController(), new AbortController()];
    const abandoned = stops.map((stop, i) => queue.run(`slow ${i}`, stop.signal));
    stops[0]!.abort();
    stops[1]!.abort();
    await Promise.allSettled(abandoned);
    const next = queue.run('next');
    assert.deepEqual(handedTasks(pool), ['slow 0', 'slow 1']);
    const ended = new Promise<void>((resolve) => (lateEnd = resolve));
    pool.handed[0]!.end(true);
    await ended;
    assert.deepEqual(handedTasks(pool), ['slow 0', 'slow 1', 'next']);
    pool.handed[1]!.end(true);
    pool.handed[2]!.end(true);
    assert.equal(await next, 'png of next');
  });

  test('GIVEN a waiting task is stopped THEN it rejects at once and is never handed to the pool', async () => {
    const pool = fakePool();
    const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 2 });
    const first = queue.run('first');
    const stop = new AbortController();
    const waiting = queue.run('waiting', stop.signal);
    stop.abort(new Error('gave up'));
    await assert.rejects(waiting, /gave up/);
    pool.handed[0]!.end(true);
    await first;
    assert.deepEqual(handedTasks(pool), ['first']);
  });

  test('GIVEN a signal that already fired THEN nothing is handed to the pool', async () => {
    const pool = fakePool();
    const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 1 });
    await assert.rejects(queue.run('late', AbortSignal.abort(new Error('too late'))), /too late/);
    assert.deepEqual(handedTasks(pool), []);
  });

  test('GIVEN an abandoned task that later fails THEN the failure is observed and nothing is left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pool = fakePool();
      const ended = new Promise<{ ok: boolean }>((resolve) => {
        const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 1, onLateSettle: resolve });
        const stop = new AbortController();
        queue.run('doomed', stop.signal).catch(() => undefined);
        stop.abort();
      });
      pool.handed[0]!.end(false);
      assert.equal((await ended).ok, false);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('GIVEN close while a task runs and another waits THEN the waiting one is refused and close resolves only after the running one ends', async () => {
    const pool = fakePool();
    const queue = new RenderQueue<string, string>({ run: pool.run, threads: 1, spareThreads: 1 });
    const stop = new AbortController();
    const running = queue.run('running', stop.signal);
    const waiting = queue.run('waiting');
    stop.abort();
    await assert.rejects(running);
    // The abandoned task lets 'waiting' onto a spare thread: hold one more behind it.
    const behind = queue.run('behind');
    const events: string[] = [];
    const closed = queue.close().then(() => events.push('closed'));
    await assert.rejects(behind, QueueClosedError);
    await assert.rejects(queue.run('after close'), QueueClosedError);
    pool.handed[1]!.end(true);
    assert.equal(await waiting, 'png of waiting');
    events.push('last task ended');
    pool.handed[0]!.end(true);
    await closed;
    assert.deepEqual(events, ['last task ended', 'closed']);
    assert.deepEqual(handedTasks(pool), ['running', 'waiting']);
  });
});
