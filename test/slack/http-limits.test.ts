import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { startSlack, type SlackAdapterOptions } from '../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeSlack } from './fake-slack.js';
import { postSigned, SIGNING_SECRET, slashForm } from './signed-request.js';

// Short enough to keep the file fast, long enough that the lower bounds below are meaningful.
const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
const KEEP_ALIVE_TIMEOUT_MS = 200;
// Node 20 closes a kept-alive socket this long after the advertised keep-alive timeout.
const NODE_KEEP_ALIVE_BUFFER_MS = 1_000;
const CAP = 4;
// Generous: the test waits for the socket's 'close' event and only fails if nothing closes it.
const WAIT = { timeout: 10_000 };
/** Loose enough for a loaded machine, far below Node's defaults (60 s, 300 s, checked every 30 s). */
const within = (configuredMs: number) => configuredMs * 2 + 1_000;

let fake: FakeSlack;
let bot: Lossbot;
const adapters: Array<RunningAdapter & { port?: number }> = [];
const sockets = new Set<Socket>();

async function startHttp(httpLimits: SlackAdapterOptions['httpLimits']): Promise<number> {
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const adapter = await startSlack({
    config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl },
    lossbot: bot, logger, host: '127.0.0.1', retries: 0, httpLimits,
  });
  adapters.push(adapter);
  return adapter.port ?? 0;
}

interface Probe {
  socket: Socket;
  /** Everything the server sent. */
  received: () => string;
  closed: () => boolean;
  /** Resolves with the milliseconds from opening the socket to its 'close'. */
  lifetime: Promise<number>;
}

/** A raw socket to the app that sends `bytes` and then nothing more. */
async function openRaw(port: number, bytes = ''): Promise<Probe> {
  const opened = performance.now();
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  socket.on('error', () => undefined);
  const lifetime = once(socket, 'close').then(() => {
    closed = true;
    return performance.now() - opened;
  });
  await once(socket, 'connect');
  if (bytes) socket.write(bytes);
  return { socket, received: () => received, closed: () => closed, lifetime };
}

before(async () => {
  fake = await new FakeSlack().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: false, limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
});

after(async () => {
  for (const socket of sockets) socket.destroy();
  for (const adapter of adapters) await adapter.stop();
  await bot.close();
  await fake.stop();
});

describe('the Slack HTTP server bounds every connection', () => {
  let port = 0;
  before(async () => {
    port = await startHttp({ headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS });
  });

  test('GIVEN a client that sends half its headers and stalls THEN the server answers 408 and closes it after the header timeout', WAIT, async () => {
    const probe = await openRaw(port, 'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n');
    const lifetime = await probe.lifetime;
    assert.match(probe.received(), /^HTTP\/1\.1 408 /);
    assert.ok(lifetime >= HEADERS_TIMEOUT_MS * 0.9, `closed after ${lifetime} ms, before the header timeout`);
    assert.ok(lifetime < within(HEADERS_TIMEOUT_MS), `closed after ${lifetime} ms, configured ${HEADERS_TIMEOUT_MS} ms`);
  });

  test('GIVEN a client that sends headers with a Content-Length and stalls the body THEN it is closed after the request timeout', WAIT, async () => {
    const probe = await openRaw(port, 'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=abc');
    const lifetime = await probe.lifetime;
    assert.match(probe.received(), /^HTTP\/1\.1 408 /);
    assert.ok(lifetime >= REQUEST_TIMEOUT_MS * 0.9, `closed after ${lifetime} ms, before the request timeout`);
    assert.ok(lifetime < within(REQUEST_TIMEOUT_MS), `closed after ${lifetime} ms, configured ${REQUEST_TIMEOUT_MS} ms`);
  });

  test('GIVEN a kept-alive connection left idle after a response THEN the server closes it after the keep-alive timeout', WAIT, async () => {
    const probe = await openRaw(port, 'GET /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const lifetime = await probe.lifetime;
    assert.match(probe.received(), /^HTTP\/1\.1 \d{3} /, 'the request was answered first');
    assert.ok(lifetime >= KEEP_ALIVE_TIMEOUT_MS * 0.9, `closed after ${lifetime} ms, before the keep-alive timeout`);
    const bound = within(KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS);
    assert.ok(lifetime < bound, `closed after ${lifetime} ms, configured ${KEEP_ALIVE_TIMEOUT_MS} ms (+${NODE_KEEP_ALIVE_BUFFER_MS} ms Node buffer)`);
  });

  test('GIVEN a correctly signed command dated 6 minutes ahead THEN 401 and no handler runs; dated 4 minutes ahead or now THEN answered', WAIT, async () => {
    const future = await postSigned(port, slashForm('/entropy', 'q=0.14,0.86', fake.responseUrl('t1')), { age: -6 * 60 });
    assert.equal(future.status, 401);
    const skewed = await postSigned(port, slashForm('/entropy', 'q=0.15,0.85', fake.responseUrl('t2')), { age: -4 * 60 });
    assert.equal(skewed.status, 200, 'a clock up to 5 minutes ahead is tolerated, as Bolt tolerates one behind');
    const now = await postSigned(port, slashForm('/entropy', 'q=0.16,0.84', fake.responseUrl('t3')));
    assert.equal(now.status, 200);
    // By the time the later command is answered, a handler for the future-dated one would have posted too.
    await fake.request('/api/chat.postMessage', (r) => String(r.body.text).includes('(q=0.16)'));
    await fake.request('/api/chat.postMessage', (r) => String(r.body.text).includes('(q=0.15)'));
    assert.equal(fake.requests.some((r) => JSON.stringify(r.body).includes('q=0.14') || r.path === '/response/t1'), false);
  });

  test('GIVEN a signed body far larger than any command THEN 413 before a handler runs; the longest command still fits', WAIT, async () => {
    const huge = await postSigned(port, slashForm('/entropy', `q=${'0.5,'.repeat(600_000)}0.5`, fake.responseUrl('b1')));
    assert.equal(huge.status, 413);
    assert.equal(fake.requests.some((r) => r.path === '/response/b1'), false);
    const longest = await postSigned(port, slashForm('/entropy', `q=${'%'.repeat(199_990)}`, fake.responseUrl('b2')));
    assert.equal(longest.status, 200, 'a 200,000-character command of characters that percent-encode to 3 bytes is read');
  });
});

describe('the Slack HTTP server caps open connections', () => {
  // Longer than the test needs to open the extra sockets, so the held ones are still open then.
  const HELD_HEADERS_TIMEOUT_MS = 1_000;
  let port = 0;
  before(async () => {
    port = await startHttp({ maxConnections: CAP, headersTimeoutMs: HELD_HEADERS_TIMEOUT_MS, requestTimeoutMs: HELD_HEADERS_TIMEOUT_MS });
  });

  test(`GIVEN ${CAP} stalled connections THEN further ones are closed at once, unanswered; once the stalled ones time out THEN requests are served again`, WAIT, async () => {
    const held: Probe[] = [];
    for (let i = 0; i < CAP; i += 1) held.push(await openRaw(port, 'POST /slack/events HTTP/1.1\r\n'));
    const extra: Probe[] = [];
    for (let i = 0; i < 3; i += 1) extra.push(await openRaw(port, 'POST /slack/events HTTP/1.1\r\n'));
    const extraLifetimes = await Promise.all(extra.map((p) => p.lifetime));
    assert.deepEqual(extra.map((p) => p.received()), ['', '', ''], 'refused without an HTTP answer');
    assert.ok(Math.max(...extraLifetimes) < HELD_HEADERS_TIMEOUT_MS / 2, `refused after ${extraLifetimes.join(', ')} ms, not by a timeout`);
    assert.deepEqual(held.map((p) => p.closed()), held.map(() => false), 'the connections within the cap stay open');
    // The server closes the held sockets itself (408), so its count has dropped before the client sees 'close'.
    await Promise.all(held.map((p) => p.lifetime));
    assert.ok(held.every((p) => /^HTTP\/1\.1 408 /.test(p.received())));
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'token=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(unsigned.status, 401);
  });
});
