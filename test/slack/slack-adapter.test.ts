import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../src/core/logger.js';
import { readPng } from '../charts/read-png.js';
import { FakeSlack, type SlackRequest } from './fake-slack.js';
import { buttonPayload, postSigned, SIGNING_SECRET, slashForm } from './signed-request.js';

let fake: FakeSlack;
let bot: Lossbot;
let http: RunningAdapter & { port?: number };
let port = 0;

const blocksText = (request: SlackRequest) => JSON.stringify(request.body.blocks ?? []);
type Button = { action_id: string; value: string; text: { text: string } };
const buttonsOf = (request: SlackRequest): Button[] =>
  ((request.body.blocks ?? []) as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

before(async () => {
  fake = await new FakeSlack().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: true, chartThreads: 2, limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  http = await startSlack({ config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl }, lossbot: bot, logger, host: '127.0.0.1', retries: 0 });
  port = http.port ?? 0;
});

after(async () => {
  await http.stop();
  await bot.close();
  await fake.stop();
});

describe('the Slack adapter in HTTP mode: real Bolt against a fake Slack', () => {
  test('GIVEN /logloss THEN 200 at once, a Block Kit answer with the number, and both charts uploaded as PNG', async () => {
    const response = await postSigned(port, slashForm('/logloss', 'y=1,0,1 p=0.9,0.2,0.7', fake.responseUrl('r1')));
    assert.equal(response.status, 200);
    const post = await fake.request('/api/chat.postMessage', (r) => blocksText(r).includes('Log loss'));
    assert.equal(post.body.channel, 'C1');
    assert.match(blocksText(post), /\*Log loss \(binary cross-entropy\) = 0\.2284 nats\*/);
    assert.match(blocksText(post), /```/, 'the per-point table in a code block');
    const uploads = [await fake.request(/^\/upload\//), await fake.request(/^\/upload\//)];
    for (const upload of uploads) {
      assert.deepEqual([...(upload.bytes ?? new Uint8Array()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.ok(readPng(upload.bytes ?? new Uint8Array()).width > 100);
    }
    const complete = await fake.request('/api/files.completeUploadExternal');
    assert.equal(complete.body.channel_id, 'C1');
    assert.equal((complete.body.files as unknown[]).length, 2);
  });

  test('GIVEN /entropy THEN the answer names entropy, cross-entropy and KL', async () => {
    await postSigned(port, slashForm('/entropy', 'q=0.3,0.7 p=0.5,0.5', fake.responseUrl('r2')));
    const post = await fake.request('/api/chat.postMessage', (r) => blocksText(r).includes('Entropy'));
    assert.match(String(post.body.text), /Entropy 0\.6109, cross-entropy 0\.6931, KL 0\.08228 nats/);
  });

  test('GIVEN bad input THEN the acknowledgement itself is an ephemeral message with the sentence and the usage', async () => {
    const response = await postSigned(port, slashForm('/logloss', 'y=1,0 p=85,0.2', fake.responseUrl('r3')));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { response_type: string; text: string };
    assert.equal(body.response_type, 'ephemeral');
    assert.match(body.text, /did you mean 0\.85\?/);
    assert.match(body.text, /Usage: \/logloss/);
  });

  test('GIVEN /derive THEN step 1 with buttons; Next replaces it with step 2; a classmate gets an ephemeral hint', async () => {
    await postSigned(port, slashForm('/derive', 'topic=bce y=1 p=0.85', fake.responseUrl('r4')));
    const post = await fake.request('/api/chat.postMessage', (r) => blocksText(r).includes('Step 1 of 5'));
    const next = buttonsOf(post).find((b) => b.text.text === 'Next');
    assert.ok(next, 'a Next button');
    // Slack sends the clicked message with the action; it carries the command line.
    const clicked = { text: String(post.body.text), blocks: post.body.blocks };
    const click = await postSigned(port, buttonPayload(next.action_id, next.value, fake.responseUrl('b1'), 'U1', clicked));
    assert.equal(click.status, 200);
    const replaced = await fake.request('/response/b1');
    assert.equal(replaced.body.replace_original, true);
    assert.match(blocksText(replaced), /Step 2 of 5: Independent points multiply/);
    await postSigned(port, buttonPayload(next.action_id, next.value, fake.responseUrl('b2'), 'U2', clicked));
    const hint = await fake.request('/response/b2');
    assert.equal(hint.body.response_type, 'ephemeral');
    assert.match(String(hint.body.text), /Only the person who asked can page/);
  });

  test('GIVEN a forged signature or a 10-minute-old timestamp THEN 401 and no handler runs', async () => {
    const forged = await postSigned(port, slashForm('/entropy', 'q=0.11,0.89', fake.responseUrl('f1')), { secret: 'wrong-secret-0123456789' });
    const replayed = await postSigned(port, slashForm('/entropy', 'q=0.12,0.88', fake.responseUrl('f2')), { age: 600 });
    assert.equal(forged.status, 401);
    assert.equal(replayed.status, 401);
    // A valid request afterwards is answered; by then a handler for the rejected ones would have posted too.
    await postSigned(port, slashForm('/entropy', 'q=0.13,0.87', fake.responseUrl('f3')));
    await fake.request('/api/chat.postMessage', (r) => String(r.body.text).includes('0.13'));
    assert.equal(fake.requests.some((r) => /0\.1[12]\b/.test(JSON.stringify(r.body)) || r.path.startsWith('/response/f')), false);
  });

  test('GIVEN the bot is not in the channel THEN the answer arrives through response_url with a hint to invite it', async () => {
    fake.failNext.set('chat.postMessage', ['not_in_channel']);
    await postSigned(port, slashForm('/logloss', 'y=1 p=0.85', fake.responseUrl('n1')));
    const fallback = await fake.request('/response/n1');
    assert.equal(fallback.body.response_type, 'in_channel');
    assert.match(blocksText(fallback), /0\.1625 nats/);
    assert.match(blocksText(fallback), /Invite me to this channel/);
  });
});

describe('Slack faults', () => {
  test('GIVEN the chart upload fails THEN the text answer stands and the user is told why', async () => {
    fake.failNext.set('files.getUploadURLExternal', ['internal_error']);
    await postSigned(port, slashForm('/logloss', 'y=0 p=0.3', fake.responseUrl('u1')));
    const post = await fake.request('/api/chat.postMessage', (r) => blocksText(r).includes('0.3567'));
    assert.equal(post.body.channel, 'C1');
    const told = await fake.request('/response/u1');
    assert.equal(told.body.response_type, 'ephemeral');
    assert.match(String(told.body.text), /chart upload failed \(internal_error\)/);
  });
});

describe('the Slack adapter in Socket Mode', () => {
  test('GIVEN a slash-command envelope THEN it is acknowledged over the socket and answered', async () => {
    const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
    const socket = await startSlack({ config: { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl }, lossbot: bot, logger, retries: 0 });
    try {
      await fake.socketConnected();
      fake.sendEnvelope({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: slashForm('/entropy', 'q=0.25,0.75', fake.responseUrl('s1')) });
      const ack = await fake.socketMessage((m) => m.envelope_id === 'env-1');
      assert.equal(ack.envelope_id, 'env-1');
      const post = await fake.request('/api/chat.postMessage', (r) => String(r.body.text).includes('0.5623'));
      assert.equal(post.body.channel, 'C1');
    } finally {
      await socket.stop();
    }
  });
});
