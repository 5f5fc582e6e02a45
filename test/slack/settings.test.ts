import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { StoreServer } from '../../src/store/store-server.js';
import { FakeSlack } from './fake-slack.js';
import { postSigned, SIGNING_SECRET, slashForm } from './signed-request.js';

let fake: FakeSlack;
let bot: Lossbot;
let slack: RunningAdapter & { port?: number };
let store: Store;
let folder: string;
let port = 0;
let responses = 0;

before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-slack-settings-'));
  store = await openStore({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') });
  fake = await new FakeSlack().start();
  fake.users.set('U_STUDENT', {});
  fake.users.set('U_ADMIN', { is_admin: true });
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: false, server: new StoreServer(async () => store), limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  slack = await startSlack({
    config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminUsers: ['U_LISTED'] },
    lossbot: bot, logger, host: '127.0.0.1', retries: 0,
  });
  port = slack.port ?? 0;
});

after(async () => {
  await slack.stop();
  await bot.close();
  await fake.stop();
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

/** A slash command from `userId` in a channel; resolves with the acknowledgement's body and, when one comes, what went to the response_url. */
async function slash(command: string, text: string, userId: string, channel = { id: 'C1', name: 'ml-study' }) {
  const id = `s${++responses}`;
  const response = await postSigned(port, { ...slashForm(command, text, fake.responseUrl(id), userId), channel_id: channel.id, channel_name: channel.name });
  assert.equal(response.status, 200);
  const ack = await response.text();
  return { ack, followUp: () => fake.request(`/response/${id}`) };
}

describe('Slack: /lossbot settings', () => {
  test('GIVEN a student (users.info: not an admin) THEN refused in one sentence, to them alone, and nothing changes', async () => {
    const { ack, followUp } = await slash('/lossbot', 'settings answers=private', 'U_STUDENT');
    assert.equal(ack, '', 'acknowledged at once');
    const info = await fake.request('/api/users.info', (r) => r.body.user === 'U_STUDENT');
    assert.equal(info.body.user, 'U_STUDENT');
    const answer = await followUp();
    assert.equal(answer.body.response_type, 'ephemeral');
    assert.match(String(answer.body.text), /^Only workspace admins and owners .* can change lossbot's settings/);
    assert.deepEqual(await store.settings.read('slack', 'T1'), {});
  });

  test('GIVEN anyone viewing THEN the settings with their defaults, and no users.info call', async () => {
    const calls = fake.requests.filter((r) => r.path === '/api/users.info').length;
    const { followUp } = await slash('/lossbot', 'settings', 'U_NOBODY');
    const answer = await followUp();
    assert.equal(answer.body.response_type, 'ephemeral');
    assert.match(String(answer.body.text), /^lossbot: server settings/);
    assert.equal(fake.requests.filter((r) => r.path === '/api/users.info').length, calls, 'only asked when someone changes a setting');
  });

  test('GIVEN an admin (users.info is_admin) THEN channels= is kept; a command elsewhere is refused with the sentence; /lossbot settings still works there', async () => {
    const set = await slash('/lossbot', 'settings channels=#ml-study,C0HELP', 'U_ADMIN');
    assert.match(String((await set.followUp()).body.text), /channels: all → #ml-study, C0HELP/);
    assert.deepEqual(await store.settings.read('slack', 'T1'), { channels: ['ml-study', 'C0HELP'] });

    const elsewhere = await slash('/entropy', 'q=0.3,0.7', 'U_STUDENT', { id: 'C9', name: 'random' });
    const refusal = JSON.parse(elsewhere.ack) as { response_type: string; text: string };
    assert.equal(refusal.response_type, 'ephemeral');
    assert.equal(refusal.text, 'lossbot works only in #ml-study, <#C0HELP> in this workspace, as its admins set; /lossbot settings works everywhere.');

    const here = await slash('/entropy', 'q=0.3,0.7', 'U_STUDENT', { id: 'C1', name: 'ml-study' });
    assert.equal(here.ack, '');
    const post = await fake.request('/api/chat.postMessage', (r) => r.body.channel === 'C1' && /Entropy/.test(String(r.body.text)));
    // scipy 1.10.1: scipy.stats.entropy([0.3, 0.7]) = 0.6108643020548935 nats.
    assert.match(String(post.body.text), /0\.6109 nats/);

    const view = await slash('/lossbot', 'settings', 'U_STUDENT', { id: 'C9', name: 'random' });
    assert.match(String((await view.followUp()).body.text), /^lossbot: server settings/);
    const fix = await slash('/lossbot', 'settings channels=all', 'U_ADMIN', { id: 'C9', name: 'random' });
    assert.match(String((await fix.followUp()).body.text), /channels: #ml-study, C0HELP → all/);
  });

  test('GIVEN a user listed in SLACK_ADMIN_USERS THEN they may change settings without users.info being asked', async () => {
    const calls = fake.requests.filter((r) => r.path === '/api/users.info').length;
    const { followUp } = await slash('/lossbot', 'settings leaderboard=on', 'U_LISTED');
    assert.match(String((await followUp()).body.text), /leaderboard: off → on/);
    assert.equal(fake.requests.filter((r) => r.path === '/api/users.info').length, calls);
    assert.equal((await store.settings.read('slack', 'T1')).leaderboard, 'on');
  });
});

describe('Slack: SLACK_ADMIN_USERS', () => {
  test('GIVEN user ids separated by commas THEN the list; GIVEN something else THEN an error naming the variable', async () => {
    const { readSlackConfig } = await import('../../src/adapters/slack/slack-config.js');
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' };
    assert.deepEqual(readSlackConfig({ ...base, SLACK_ADMIN_USERS: 'U0123ABCD, W0456EFGH' })?.adminUsers, ['U0123ABCD', 'W0456EFGH']);
    assert.equal(readSlackConfig(base)?.adminUsers, undefined);
    assert.throws(() => readSlackConfig({ ...base, SLACK_ADMIN_USERS: 'alice,bob' }), (e: Error) => /SLACK_ADMIN_USERS: expected Slack user ids/.test(e.message) && !e.message.includes('alice'));
  });
});
