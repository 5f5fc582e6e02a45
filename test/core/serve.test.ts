import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { Dispatcher, type FileReader } from '../../src/core/dispatch.js';
import { createLogger } from '../../src/core/logger.js';
import type { IncomingRequest, PlatformVerbs } from '../../src/core/platform-verbs.js';
import { CommandRegistry } from '../../src/core/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { RequestGuard, type GuardOptions } from '../../src/core/request-guard.js';
import { ok } from '../../src/core/result.js';
import { RequestServer, type FinishedRequest, type Renderers, type ServeOptions } from '../../src/core/serve.js';
import type { CommandJob } from '../../src/core/render-jobs.js';

const CSV = 'y,p\n1,0.9\n0,0.2\n1,0.7\n';

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function server(options: { guard?: Partial<GuardOptions>; timeoutMs?: number; renderers?: Renderers; onFinished?: ServeOptions['onFinished'] } = {}, lines: string[] = []): RequestServer {
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }));
  const guard = new RequestGuard({ concurrency: 1, maxQueued: 10, user: { capacity: 100, perMinute: 600 }, channel: { capacity: 100, perMinute: 600 }, ...options.guard });
  return new RequestServer({ dispatcher: new Dispatcher(new CommandRegistry(commands), logger), guard, logger, timeoutMs: options.timeoutMs ?? 10_000, renderers: options.renderers ?? {}, ...(options.onFinished ? { onFinished: options.onFinished } : {}) });
}

/** Verbs that record what the core asked for, in order, and every answer. */
function recorder(readFile?: FileReader, overrides: Partial<PlatformVerbs> = {}) {
  const calls: string[] = [];
  const answers: Reply[] = [];
  const verbs: PlatformVerbs = {
    reject: async (reply) => { calls.push('reject'); answers.push(reply); },
    acknowledge: async () => { calls.push('acknowledge'); },
    deliver: async (reply) => { calls.push('deliver'); answers.push(reply); },
    apologize: async (reply) => { calls.push('apologize'); answers.push(reply); },
    ...(readFile ? { readFile: async (source: string, signal?: AbortSignal) => { calls.push(`read ${source}`); return readFile(source, signal); } } : {}),
    ...overrides,
  };
  return { calls, answers, verbs };
}

const request = (line: string, userId = 'u1'): IncomingRequest => ({ platform: 'test', userId, channelId: 'c1', input: { line }, theme: 'light' });

describe('the request protocol (serve)', () => {
  test('GIVEN a platform whose personal answers carry no pictures THEN a personal solution typesets nothing, and a public derivation still does', async () => {
    const typeset: string[] = [];
    const renderers: Renderers = {
      renderEquations: async (jobs) => { typeset.push(...jobs.map((j) => j.filename)); return []; },
      renderCharts: async () => [],
    };
    const bot = server({ renderers });
    const ask = (line: string): IncomingRequest => ({ ...request(line), personalPictures: false });
    assert.equal(await bot.serve(ask('/answer id=bce1a-34b show=solution'), recorder().verbs), 'answered');
    assert.deepEqual(typeset, []);
    assert.equal(await bot.serve(ask('/derive topic=bce y=1 p=0.85'), recorder().verbs), 'answered');
    assert.ok(typeset.length > 0, 'the public derivation is typeset');
  });

  test('GIVEN an answer and a user error THEN each listener hears how the request ended, and one that throws costs nothing', async () => {
    const heard: FinishedRequest[] = [];
    const bot = server({ onFinished: [() => { throw new Error('a broken counter'); }, (event) => heard.push(event)] });
    assert.equal(await bot.serve({ ...request('/entropy q=0.3,0.7'), serverId: 'g1' }, recorder().verbs), 'answered');
    assert.equal(await bot.serve(request('/logloss y=1 p=abc'), recorder().verbs), 'user-error');
    assert.deepEqual(heard.map((e) => [e.platform, e.serverId, e.command, e.kind, e.outcome]), [['test', 'g1', 'entropy', 'command', 'answered'], ['test', '', 'logloss', 'command', 'user-error']]);
    assert.ok(heard.every((e) => e.latencyMs >= 0 && e.queueLoad >= 0));
  });

  test('GIVEN a checked answer, one\'s own figures or forget-me THEN acknowledged and delivered as personal; a computation is public', async () => {
    const seen: Array<[string, boolean, boolean]> = [];
    for (const line of ['/answer id=bce1a-34b value=0.163', '/practice stats', '/lossbot forget-me', '/entropy q=0.3,0.7', '/practice topic=bce seed=1']) {
      let acknowledged = false;
      const { verbs } = recorder(undefined, {
        acknowledge: async ({ personal }) => { acknowledged = personal; },
        deliver: async (_reply, { personal }) => { seen.push([line, acknowledged, personal]); },
      });
      assert.equal(await server().serve(request(line), verbs), 'answered', line);
    }
    assert.deepEqual(seen, [
      ['/answer id=bce1a-34b value=0.163', true, true],
      ['/practice stats', true, true],
      ['/lossbot forget-me', true, true],
      ['/entropy q=0.3,0.7', false, false],
      ['/practice topic=bce seed=1', false, false],
    ]);
  });

  test('GIVEN a CSV request THEN the order is validate, acknowledge, read the file, deliver', async () => {
    const lines: string[] = [];
    const { calls, answers, verbs } = recorder(async () => ok(CSV));
    const outcome = await server({}, lines).serve(request('/logloss file=data.csv'), verbs);
    assert.equal(outcome, 'answered');
    assert.deepEqual(calls, ['acknowledge', 'read data.csv', 'deliver']);
    assert.match(answers[0]?.summary ?? '', /0\.2284 nats/);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    assert.equal(logged.length, 1, 'one log line per request');
    assert.equal(logged[0]?.outcome, 'answered');
    assert.equal(typeof logged[0]?.latencyMs, 'number');
    assert.equal(logged[0]?.command, 'logloss');
  });

  test('GIVEN 8 CSV uploads from one user with a burst of 5 THEN 3 are refused before any file is read', async () => {
    const serve = server({ guard: { user: { capacity: 5, perMinute: 1 }, concurrency: 8 } });
    const runs = Array.from({ length: 8 }, () => recorder(async () => ok(CSV)));
    const outcomes = await Promise.all(runs.map((r) => serve.serve(request('/logloss file=big.csv'), r.verbs)));
    assert.equal(outcomes.filter((o) => o === 'answered').length, 5);
    assert.equal(outcomes.filter((o) => o === 'rate-limited').length, 3);
    for (const run of runs.filter((r) => r.calls[0] === 'reject')) assert.deepEqual(run.calls, ['reject'], 'a refused request reads nothing');
    assert.equal(runs.flatMap((r) => r.calls).filter((c) => c.startsWith('read')).length, 5);
  });

  test('GIVEN a full queue THEN "busy" before any file is read', async () => {
    const gate = deferred<void>();
    const serve = server({ guard: { concurrency: 1, maxQueued: 0 } });
    const first = recorder(async () => { await gate.promise; return ok(CSV); });
    const running = serve.serve(request('/logloss file=a.csv', 'a'), first.verbs);
    const second = recorder(async () => ok(CSV));
    assert.equal(await serve.serve(request('/logloss file=b.csv', 'b'), second.verbs), 'busy');
    assert.deepEqual(second.calls, ['reject']);
    gate.resolve();
    assert.equal(await running, 'answered');
  });

  test('GIVEN bad input THEN one rejection with the sentence and the usage, never an acknowledgement', async () => {
    const { calls, answers, verbs } = recorder(async () => ok(CSV));
    assert.equal(await server().serve(request('/logloss y=1,0 p=85,0.2'), verbs), 'user-error');
    assert.deepEqual(calls, ['reject']);
    assert.match(answers[0]?.summary ?? '', /did you mean 0\.85/);
    assert.match(answers[0]?.summary ?? '', /Usage|\/logloss y=/);
  });

  test('GIVEN a CSV that turns out to be bad THEN the error comes as an apology after the acknowledgement', async () => {
    const { calls, answers, verbs } = recorder(async () => ok('y,p\n1,banana\n'));
    assert.equal(await server().serve(request('/logloss file=bad.csv'), verbs), 'user-error');
    assert.deepEqual(calls, ['acknowledge', 'read bad.csv', 'apologize']);
    assert.equal(answers[0]?.error?.code, 'csv-invalid');
  });

  test('GIVEN a download that outlives the timeout THEN one timeout answer, the work is told to stop, and its late result is not sent', async () => {
    const late = deferred<void>();
    let signal: AbortSignal | undefined;
    const { calls, answers, verbs } = recorder(async (_source, s) => {
      signal = s;
      await late.promise;
      return ok(CSV);
    });
    assert.equal(await server({ timeoutMs: 50 }).serve(request('/logloss file=slow.csv'), verbs), 'timeout');
    assert.equal(signal?.aborted, true);
    assert.match(answers[0]?.summary ?? '', /longer than 0.05 s/);
    late.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(calls, ['acknowledge', 'read slow.csv', 'apologize'], 'exactly one final answer');
  });

  test('GIVEN the platform refuses the answer THEN the asker gets an apology with a reference id that is in the log', async () => {
    const lines: string[] = [];
    const { calls, answers, verbs } = recorder(undefined, {});
    const failing = { ...verbs, deliver: async () => { calls.push('deliver'); throw new Error('Request entity too large'); } };
    assert.equal(await server({}, lines).serve(request('/entropy q=0.3,0.7'), failing), 'internal-error');
    assert.deepEqual(calls, ['acknowledge', 'deliver', 'apologize']);
    const id = answers[0]?.error?.referenceId ?? '';
    assert.match(id, /^[0-9a-f]{8}$/);
    assert.ok(lines.some((l) => l.includes(id) && l.includes('Request entity too large')));
  });

  test('GIVEN the acknowledgement fails THEN the queue place is freed and nothing is computed', async () => {
    const serve = server({ guard: { concurrency: 1, maxQueued: 0 } });
    const { calls, verbs } = recorder(async () => ok(CSV), { acknowledge: async () => { throw new Error('Unknown interaction'); } });
    assert.equal(await serve.serve(request('/logloss file=a.csv'), verbs), 'not-acknowledged');
    assert.deepEqual(calls, []);
    const next = recorder(async () => ok(CSV));
    assert.equal(await serve.serve(request('/logloss file=a.csv', 'b'), next.verbs), 'answered', 'the place was given back');
  });

  test('GIVEN a shutdown with one request running and three queued THEN new ones are refused, and every acknowledged one gets a final answer', async () => {
    const serve = server({ guard: { concurrency: 1, maxQueued: 10 } });
    const stuck = deferred<void>();
    const runs = Array.from({ length: 4 }, () => recorder(async () => { await stuck.promise; return ok(CSV); }));
    const outcomes = runs.map((r, i) => serve.serve(request('/logloss file=a.csv', `u${i}`), r.verbs));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(serve.unanswered, 4);
    const drained = serve.drain(100, 1000);
    const late = recorder();
    assert.equal(await serve.serve(request('/entropy q=0.5,0.5'), late.verbs), 'restarting');
    assert.deepEqual(late.calls, ['reject']);
    assert.match(late.answers[0]?.summary ?? '', /restarting/);
    const report = await drained;
    assert.deepEqual(report, { finished: false, apologized: 4, undelivered: 0 });
    assert.deepEqual(await Promise.all(outcomes), ['restarting', 'restarting', 'restarting', 'restarting']);
    for (const run of runs) {
      assert.equal(run.calls.filter((c) => c === 'apologize' || c === 'deliver').length, 1);
      assert.match(run.answers[0]?.summary ?? '', /lossbot is restarting, please ask again in a minute/);
    }
    stuck.resolve();
  });

  test('GIVEN a shutdown while requests finish in time THEN they are answered, not apologised for', async () => {
    const serve = server({ guard: { concurrency: 2 } });
    const gate = deferred<void>();
    const run = recorder(async () => { await gate.promise; return ok(CSV); });
    const outcome = serve.serve(request('/logloss file=a.csv'), run.verbs);
    await new Promise((resolve) => setImmediate(resolve));
    const drained = serve.drain(10_000);
    gate.resolve();
    assert.deepEqual(await drained, { finished: true, apologized: 0, undelivered: 0 });
    assert.equal(await outcome, 'answered');
  });

  test('GIVEN a CSV request and a render service THEN the command runs there with the file, not on the main thread; inline input stays here', async () => {
    const jobs: CommandJob[] = [];
    const renderers: Renderers = {
      runCommand: async (job) => {
        jobs.push(job);
        return { ok: true, command: 'logloss', title: 'from the worker', summary: '', fields: [], images: [], data: {} };
      },
    };
    const serve = server({ renderers });
    const csv = recorder(async () => ok(CSV));
    assert.equal(await serve.serve({ ...request('/logloss file=data.csv'), theme: 'dark', showStep: 0 }, csv.verbs), 'answered');
    assert.equal(csv.answers[0]?.title, 'from the worker');
    assert.deepEqual(jobs, [{ input: { line: '/logloss file=data.csv' }, files: { file: CSV }, theme: 'dark', showStep: 0, pictures: true }]);
    const inline = recorder();
    assert.equal(await serve.serve(request('/logloss y=1 p=0.85'), inline.verbs), 'answered');
    assert.match(inline.answers[0]?.summary ?? '', /0\.1625 nats/);
    assert.equal(jobs.length, 1, 'a small inline request costs the main thread ~ms and is not shipped to a worker');
  });

  test('GIVEN the local CLI THEN no rate limit applies', async () => {
    const serve = server({ guard: { user: { capacity: 1, perMinute: 1 } } });
    for (let i = 0; i < 5; i++) {
      const { verbs } = recorder();
      assert.equal(await serve.serve({ ...request('/entropy q=0.5,0.5'), local: true }, verbs), 'answered');
    }
  });
});
