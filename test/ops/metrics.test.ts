import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { createLossbot } from '../../src/app.js';
import { createLogger } from '../../src/core/logger.js';
import type { IncomingRequest, PlatformVerbs } from '../../src/core/platform-verbs.js';
import type { FinishedRequest } from '../../src/core/serve.js';
import { Metrics } from '../../src/ops/metrics.js';

const silent = createLogger('silent', new Writable({ write: (_chunk, _enc, done) => done() }));
const names = commands.map((command) => command.name);

/** The value of one series in the Prometheus text, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function verbs(acknowledged?: () => Promise<void>): PlatformVerbs {
  return {
    reject: async () => undefined,
    acknowledge: async () => acknowledged?.(),
    deliver: async () => undefined,
    apologize: async () => undefined,
  };
}

const asked = (line: string, platform = 'slack'): IncomingRequest => ({ platform, userId: 'U-secret-42', channelId: 'C1', input: { line }, theme: 'light' });

function event(overrides: Partial<FinishedRequest>): FinishedRequest {
  return { platform: 'discord', serverId: 'G1', command: 'logloss', kind: 'command', outcome: 'answered', latencyMs: 12, queueLoad: 0, ...overrides };
}

describe('metrics', () => {
  test('GIVEN one answer and one user error through the real core THEN each is counted once with its platform, command and outcome, and the latency histogram has both', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    const bot = createLossbot({ logger: silent, charts: false, onFinished: [metrics.requestFinished] });
    assert.equal(await bot.serve(asked('/entropy q=0.3,0.7'), verbs()), 'answered');
    assert.equal(await bot.serve(asked('/logloss y=1 p=abc'), verbs()), 'user-error');
    const text = await metrics.text();
    assert.equal(sample(text, 'lossbot_requests_total{platform="slack",command="entropy",kind="command",outcome="answered"}'), 1);
    assert.equal(sample(text, 'lossbot_requests_total{platform="slack",command="logloss",kind="command",outcome="user-error"}'), 1);
    assert.equal(sample(text, 'lossbot_request_duration_seconds_count{platform="slack",command="entropy"}'), 1);
    assert.equal(sample(text, 'lossbot_request_duration_seconds_count{platform="slack",command="logloss"}'), 1);
    assert.equal(sample(text, 'lossbot_request_duration_seconds_bucket{le="+Inf",platform="slack",command="entropy"}'), 1);
    assert.doesNotMatch(text, /U-secret-42/, 'no user id in a label');
    await bot.close();
  });

  test('GIVEN a typed command that is not ours and an unknown platform THEN the labels are "unknown" and "other", never the text', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    const bot = createLossbot({ logger: silent, charts: false, onFinished: [metrics.requestFinished] });
    assert.equal(await bot.serve(asked('/drop_table_students now', 'matrix'), verbs()), 'user-error');
    const text = await metrics.text();
    assert.equal(sample(text, 'lossbot_requests_total{platform="other",command="unknown",kind="command",outcome="user-error"}'), 1);
    assert.doesNotMatch(text, /drop_table|matrix/);
    await bot.close();
  });

  test('GIVEN latencies of 7 ms and 45 s THEN 7 ms falls in the 10 ms bucket and not the 5 ms one, 45 s only in +Inf', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    metrics.requestFinished(event({ latencyMs: 7 }));
    metrics.requestFinished(event({ latencyMs: 45_000 }));
    const text = await metrics.text();
    const bucket = (le: string) => sample(text, `lossbot_request_duration_seconds_bucket{le="${le}",platform="discord",command="logloss"}`);
    assert.equal(bucket('0.005'), 0);
    assert.equal(bucket('0.01'), 1);
    assert.equal(bucket('30'), 1);
    assert.equal(bucket('+Inf'), 2);
    assert.equal(sample(text, 'lossbot_request_duration_seconds_sum{platform="discord",command="logloss"}'), 45.007);
  });

  test('GIVEN busy, rate-limited and restarting refusals THEN each is in the outcome label and in the refusals counter; an answer is not a refusal', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    for (const outcome of ['busy', 'busy', 'rate-limited', 'restarting', 'answered'] as const) metrics.requestFinished(event({ outcome }));
    const text = await metrics.text();
    assert.equal(sample(text, 'lossbot_requests_total{platform="discord",command="logloss",kind="command",outcome="busy"}'), 2);
    assert.equal(sample(text, 'lossbot_refused_total{platform="discord",reason="busy"}'), 2);
    assert.equal(sample(text, 'lossbot_refused_total{platform="discord",reason="rate-limited"}'), 1);
    assert.equal(sample(text, 'lossbot_refused_total{platform="discord",reason="restarting"}'), 1);
    assert.equal(sample(text, 'lossbot_refused_total{platform="discord",reason="answered"}'), undefined);
  });

  test('GIVEN a request waiting on its acknowledgement THEN the queue gauge reads 1 at that scrape, and 0 once it has finished', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    const bot = createLossbot({ logger: silent, charts: false, onFinished: [metrics.requestFinished] });
    metrics.watchQueue(() => bot.load());
    let release!: () => void;
    let reached!: () => void;
    const atAcknowledge = new Promise<void>((resolve) => (reached = resolve));
    const served = bot.serve(asked('/entropy q=0.5,0.5'), verbs(() => {
      reached();
      return new Promise<void>((resolve) => (release = resolve));
    }));
    await atAcknowledge;
    assert.equal(sample(await metrics.text(), 'lossbot_queue_load'), 1);
    release();
    assert.equal(await served, 'answered');
    assert.equal(sample(await metrics.text(), 'lossbot_queue_load'), 0);
    await bot.close();
  });

  test('GIVEN a chart drawn in 70 ms and a failed equation THEN the render histogram has each under its kind and result', async () => {
    const metrics = new Metrics({ commands: names, processMetrics: false });
    metrics.rendered('chart', 70, true);
    metrics.rendered('equation', 3, false);
    const text = await metrics.text();
    assert.equal(sample(text, 'lossbot_render_duration_seconds_bucket{le="0.05",kind="chart",result="ok"}'), 0);
    assert.equal(sample(text, 'lossbot_render_duration_seconds_bucket{le="0.1",kind="chart",result="ok"}'), 1);
    assert.equal(sample(text, 'lossbot_render_duration_seconds_count{kind="equation",result="failed"}'), 1);
  });

  test('GIVEN two registries and the process metrics THEN each counts on its own, and RSS is there', async () => {
    const first = new Metrics({ commands: names });
    const second = new Metrics({ commands: names, processMetrics: false });
    first.databaseFailed('record');
    const text = await first.text();
    assert.equal(sample(text, 'lossbot_database_errors_total{operation="record"}'), 1);
    assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 10_000_000, 'RSS of this process in bytes');
    assert.equal(sample(await second.text(), 'lossbot_database_errors_total{operation="record"}'), undefined);
    assert.match(first.contentType, /^text\/plain; version=0\.0\.4/);
  });
});
