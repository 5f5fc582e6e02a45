import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { ConfigError } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { CHECK_TIMEOUT_MS, Health, NOT_CONFIGURED, OK } from '../../src/ops/health.js';
import { databaseCheck, discordCheck, slackSocketCheck } from '../../src/ops/health-checks.js';
import { opsHandler, startHealthServer, type HealthServer } from '../../src/ops/health-server.js';
import { Metrics } from '../../src/ops/metrics.js';
import { StoreProgress } from '../../src/store/store-progress.js';

const silent = createLogger('silent', new Writable({ write: (_chunk, _enc, done) => done() }));
const servers: HealthServer[] = [];
after(async () => {
  for (const server of servers) await server.close();
});

async function serve(health: Health, metrics = new Metrics({ commands: commands.map((c) => c.name), processMetrics: false })): Promise<string> {
  const server = await startHealthServer(opsHandler(health, metrics), 0, '127.0.0.1');
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

/** A port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const never = () => new Promise<string>(() => undefined);

describe('/healthz', () => {
  test('GIVEN every part ok or not configured THEN 200 with each check in a small JSON body', async () => {
    const url = await serve(new Health({ discord: () => OK, render: () => NOT_CONFIGURED, database: async () => OK }));
    const response = await fetch(`${url}/healthz`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), { status: 'ok', checks: { discord: 'ok', render: 'not configured', database: 'ok' } });
  });

  test('GIVEN two checks that hang THEN 503 naming both after one check timeout, not two, and not a hung probe', async () => {
    const url = await serve(new Health({ discord: () => OK, database: never, render: never }));
    const started = performance.now();
    const response = await fetch(`${url}/healthz`);
    const ms = performance.now() - started;
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'failing', checks: { discord: 'ok', database: 'no answer within 1.5 s', render: 'no answer within 1.5 s' } });
    assert.ok(ms >= CHECK_TIMEOUT_MS - 50 && ms < 2 * CHECK_TIMEOUT_MS, `answered in ${Math.round(ms)} ms: the checks run in parallel, each bounded`);
  });

  test('GIVEN PostgreSQL refusing connections THEN 503 naming the database and the error code, with no URL or password in the body', async () => {
    const port = await closedPort();
    const progress = new StoreProgress({ kind: 'postgres', url: `postgres://lossbot:hunter2-secret@127.0.0.1:${port}/lossbot` }, silent);
    // As main.ts does at start: the first open loads Kysely and pg, slower under tsx than a check may take.
    assert.equal(await progress.open(), false);
    const url = await serve(new Health({ discord: () => OK, database: databaseCheck(progress) }));
    const response = await fetch(`${url}/healthz`);
    const body = await response.text();
    assert.equal(response.status, 503);
    assert.deepEqual(JSON.parse(body), { status: 'failing', checks: { discord: 'ok', database: 'no answer (ECONNREFUSED)' } });
    assert.doesNotMatch(body, /hunter2|postgres:|127\.0\.0\.1/);
    await progress.close();
  });

  test('GIVEN a check that throws THEN 503 "check failed", not a crash or its message', async () => {
    const url = await serve(new Health({ slack: () => { throw new Error('xoxb-leaked'); } }));
    const response = await fetch(`${url}/healthz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'failing', checks: { slack: 'check failed' } });
  });

  test('GIVEN shutdown has begun THEN 503 "draining" though every part is ok', async () => {
    const health = new Health({ discord: () => OK });
    const url = await serve(health);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    health.drain();
    const response = await fetch(`${url}/healthz`);
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'draining', checks: { discord: 'ok' } });
  });

  test('GIVEN another path, another method or HEAD THEN 404, 405 with Allow, and HEAD with no body', async () => {
    const url = await serve(new Health({ discord: () => OK }));
    assert.equal((await fetch(`${url}/`)).status, 404);
    assert.equal((await fetch(`${url}/healthz/extra`)).status, 404);
    const post = await fetch(`${url}/metrics`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const head = await fetch(`${url}/healthz`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const metrics = await fetch(`${url}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(await metrics.text(), /# TYPE lossbot_requests_total counter/);
  });
});

describe('the checks', () => {
  test('GIVEN discord.js shard states THEN ok only when the client is ready and every shard is Ready (0)', async () => {
    const client = (ready: boolean, statuses: number[]) => ({ isReady: () => ready, ws: { shards: new Map(statuses.map((status, id) => [id, { id, status }])) } });
    assert.equal(await discordCheck(client(true, [0, 0]))(), 'ok');
    assert.equal(await discordCheck(client(true, [0, 1]))(), 'gateway shard 1 connecting');
    assert.equal(await discordCheck(client(true, [5]))(), 'gateway shard 0 disconnected');
    assert.equal(await discordCheck(client(false, []))(), 'gateway not ready');
  });

  test('GIVEN a Socket Mode client with and without an open socket THEN ok and "socket mode not connected"', async () => {
    assert.equal(await slackSocketCheck({ websocket: { isActive: () => true } })(), 'ok');
    assert.equal(await slackSocketCheck({ websocket: { isActive: () => false } })(), 'socket mode not connected');
    assert.equal(await slackSocketCheck({})(), 'socket mode not connected');
  });

  test('GIVEN a SQLite database THEN SELECT 1 answers ok; GIVEN PostgreSQL down THEN a practice read is counted as a database error and the health probe is not', async () => {
    const sqlite = new StoreProgress({ kind: 'sqlite', file: ':memory:' }, silent);
    assert.equal(await databaseCheck(sqlite)(), 'ok');
    await sqlite.close();
    const failed: string[] = [];
    const port = await closedPort();
    const down = new StoreProgress({ kind: 'postgres', url: `postgres://lossbot@127.0.0.1:${port}/lossbot` }, silent, Date.now, (operation) => failed.push(operation));
    assert.equal(await down.open(), false);
    await assert.rejects(down.stats({ platform: 'slack', serverId: 'T1', userId: 'U1' }));
    assert.equal(await databaseCheck(down)(), 'no answer (ECONNREFUSED)');
    assert.deepEqual(failed, ['open', 'stats']);
    await down.close();
  });
});

describe('the health server', () => {
  test('GIVEN HEALTH_PORT taken by another process THEN one sentence naming HEALTH_PORT and HEALTH_HOST, not a stack', async () => {
    const taken = await startHealthServer(() => undefined, 0, '127.0.0.1');
    servers.push(taken);
    await assert.rejects(startHealthServer(() => undefined, taken.port, '127.0.0.1'), (error: unknown) =>
      error instanceof ConfigError && error.message === `HEALTH_PORT=${taken.port} on HEALTH_HOST=127.0.0.1 is in use: choose another. See .env.example.`);
  });
});
