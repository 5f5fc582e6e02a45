import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { createLogger } from '../../src/core/logger.js';
import { CHECK_TIMEOUT_MS, Health } from '../../src/ops/health.js';
import { databaseCheck } from '../../src/ops/health-checks.js';
import { StoreProgress } from '../../src/store/store-progress.js';

const PG_URL = process.env.LOSSBOT_TEST_DATABASE_URL || undefined;
const silent = createLogger('silent', new Writable({ write: (_chunk, _enc, done) => done() }));

/** A TCP server on 127.0.0.1; `forward` pipes each connection to a real server, or none: accepted and never answered. */
async function listen(forward?: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (!forward) return;
    const upstream = connect(forward.port, forward.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  /** The database is gone: no new connections, and the open ones cut. */
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });
  return { port, stop };
}

describe('the database check against a real driver', () => {
  test('GIVEN a PostgreSQL address that accepts connections and never answers THEN /healthz is 503 naming the database after one check timeout', { timeout: 30_000 }, async () => {
    const hung = await listen();
    const progress = new StoreProgress({ kind: 'postgres', url: `postgres://lossbot@127.0.0.1:${hung.port}/lossbot` }, silent);
    const started = performance.now();
    const report = await new Health({ database: databaseCheck(progress) }).report();
    const ms = performance.now() - started;
    assert.deepEqual(report, { status: 'failing', checks: { database: 'no answer within 1.5 s' } });
    assert.ok(ms < CHECK_TIMEOUT_MS + 500, `answered in ${Math.round(ms)} ms, not when the driver gives up (5 s)`);
    await hung.stop();
    await progress.close();
  });

  test('GIVEN PostgreSQL answering THEN ok; GIVEN it then goes away THEN 503 naming the database', { timeout: 60_000, ...(PG_URL ? {} : { skip: 'skipped: set LOSSBOT_TEST_DATABASE_URL to a PostgreSQL database to run this (.ci/start-postgres prints one)' }) }, async () => {
    const real = new URL(PG_URL ?? '');
    const proxy = await listen({ host: real.hostname, port: Number(real.port || 5432) });
    const through = new URL(real);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    const progress = new StoreProgress({ kind: 'postgres', url: through.toString() }, silent);
    const health = new Health({ database: databaseCheck(progress) });
    assert.equal(await progress.open(), true);
    assert.deepEqual(await health.report(), { status: 'ok', checks: { database: 'ok' } });
    await proxy.stop();
    const report = await health.report();
    assert.equal(report.status, 'failing');
    assert.match(report.checks.database ?? '', /^no answer/);
    await progress.close();
  });
});
