import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { Dispatcher } from '../../src/core/dispatch.js';
import { createLogger } from '../../src/core/logger.js';
import type { IncomingRequest, PlatformVerbs } from '../../src/core/platform-verbs.js';
import { CommandRegistry } from '../../src/core/registry.js';
import type { CommandJob } from '../../src/core/render-jobs.js';
import type { Reply } from '../../src/core/reply.js';
import { RequestGuard } from '../../src/core/request-guard.js';
import { ok } from '../../src/core/result.js';
import { RequestServer, type Renderers } from '../../src/core/serve.js';
import { weekStartMs, type ServerActivity } from '../../src/core/server-activity.js';
import type { SettingsSource } from '../../src/core/server-settings.js';
import { SETTINGS_READ_MS } from '../../src/core/settings-lookup.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { StoreServer } from '../../src/store/store-server.js';

let store: Store;
let folder: string;
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-settings-'));
  store = await openStore({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') });
});
after(async () => {
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

let servers = 0;
/** A server id of its own per test: the tests share one database. */
const freshServer = () => `guild-${++servers}`;

function bot(options: { source?: SettingsSource & ServerActivity; renderers?: Renderers; lines?: string[] } = {}): RequestServer {
  const lines = options.lines ?? [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }));
  const source = options.source ?? new StoreServer(async () => store);
  const guard = new RequestGuard({ concurrency: 2, maxQueued: 10, user: { capacity: 1000, perMinute: 6000 }, channel: { capacity: 1000, perMinute: 6000 } });
  return new RequestServer({ dispatcher: new Dispatcher(new CommandRegistry(commands), logger), guard, logger, timeoutMs: 10_000, renderers: options.renderers ?? {}, settings: source, activity: source });
}

interface Heard {
  reply: Reply;
  /** How it was answered: at once (reject), as the result (deliver) or as an error after the acknowledgement (apologize). */
  verb: 'reject' | 'deliver' | 'apologize';
  personal: boolean;
}

async function ask(server: RequestServer, line: string, where: Partial<IncomingRequest> = {}): Promise<Heard> {
  let heard: Heard | undefined;
  let personal = false;
  const verbs: PlatformVerbs = {
    reject: async (reply) => { heard = { reply, verb: 'reject', personal: true }; },
    acknowledge: async (delivery) => { personal = delivery.personal; },
    deliver: async (reply, delivery) => { heard = { reply, verb: 'deliver', personal: delivery.personal }; },
    apologize: async (reply) => { heard = { reply, verb: 'apologize', personal }; },
    readFile: async () => ok('y,p\n1,0.9\n0,0.2\n'),
  };
  await server.serve({ platform: 'discord', userId: 'ada', serverId: 'guild-0', channelId: 'c1', theme: 'dark', input: { line }, canManage: async () => false, ...where }, verbs);
  assert.ok(heard, line);
  return heard;
}

const admin = { canManage: async () => true };

describe('/lossbot settings', () => {
  test('GIVEN a server that set nothing THEN each setting with its value, all the defaults (Discord: dark charts, no channel list)', async () => {
    const { reply } = await ask(bot(), '/lossbot settings', { serverId: freshServer() });
    assert.ok(reply.ok, reply.summary);
    assert.deepEqual(reply.data.settings, { answers: 'public', base: 'e', theme: 'dark', practice: 'on', leaderboard: 'off' });
    assert.deepEqual(reply.data.defaults, ['answers', 'base', 'theme', 'practice', 'leaderboard']);
    assert.deepEqual(reply.fields.map((f) => f.value.split(':')[0]), ['public (default)', 'e (default)', 'dark (default)', 'on (default)', 'off (default)']);
  });

  test('GIVEN a member who may manage THEN answers=private base=2 says what changed, and the next /entropy is personal and in bits; a student\'s own base= wins', async () => {
    const server = bot();
    const serverId = freshServer();
    const changed = await ask(server, '/lossbot settings answers=private base=2', { serverId, ...admin });
    assert.ok(changed.reply.ok, changed.reply.summary);
    assert.deepEqual(changed.reply.data.changed, { answers: { from: 'public', to: 'private' }, base: { from: 'e', to: '2' } });
    assert.match(changed.reply.summary, /answers: public → private; base: e → 2/);
    assert.deepEqual(changed.reply.data.defaults, ['theme', 'practice', 'leaderboard']);
    const entropy = await ask(server, '/entropy q=0.3,0.7', { serverId });
    assert.equal(entropy.verb, 'deliver');
    assert.equal(entropy.personal, true, 'answers=private: shown to the asker alone');
    // scipy 1.10.1: scipy.stats.entropy([0.3, 0.7], base=2) = 0.8812908992306927
    assert.equal(entropy.reply.data.entropy, 0.8812908992306927);
    assert.equal(entropy.reply.data.unit, 'bits');
    const own = await ask(server, '/entropy q=0.3,0.7 base=e', { serverId });
    // scipy 1.10.1: scipy.stats.entropy([0.3, 0.7]) = 0.6108643020548935
    assert.equal(own.reply.data.entropy, 0.6108643020548935);
    const logloss = await ask(server, '/logloss y=1,0,1 p=0.9,0.2,0.7', { serverId });
    // scikit-learn 1.2.1: log_loss([1,0,1], [0.9,0.2,0.7]) / ln 2 = 0.32950145372072354
    assert.ok(Math.abs((logloss.reply.data.loss as number) - 0.32950145372072354) < 1e-15, String(logloss.reply.data.loss));
    const elsewhere = await ask(server, '/entropy q=0.3,0.7', { serverId: freshServer() });
    assert.equal(elsewhere.personal, false, 'another server keeps its own settings');
    assert.equal(elsewhere.reply.data.entropy, 0.6108643020548935);
  });

  test('GIVEN a CSV computed in a render worker THEN the server\'s base and theme travel with the job', async () => {
    const server = bot({ renderers: { runCommand: async (job: CommandJob) => ({ ok: true, command: 'logloss', title: '', summary: '', fields: [], images: [], data: { job } }) } });
    const serverId = freshServer();
    await ask(server, '/lossbot settings base=10 theme=light', { serverId, ...admin });
    const { reply } = await ask(server, '/logloss file=data.csv', { serverId });
    const job = reply.data.job as CommandJob;
    assert.equal(job.theme, 'light');
    assert.deepEqual(job.defaults, [{ name: 'base', value: '10' }]);
  });

  test('GIVEN a member who may not manage THEN one sentence, no change; everyone may view', async () => {
    const server = bot();
    const serverId = freshServer();
    const refused = await ask(server, '/lossbot settings answers=private', { serverId });
    assert.equal(refused.reply.ok, false);
    assert.equal(refused.reply.error?.code, 'not-allowed');
    assert.equal(refused.reply.error?.usage, undefined, 'not an input to fix');
    assert.match(refused.reply.summary, /^Only members with the Manage Server permission can change lossbot's settings here/);
    assert.equal(refused.personal, true);
    const slack = await ask(server, '/lossbot settings answers=private', { serverId, platform: 'slack', theme: 'light' });
    assert.match(slack.reply.summary, /workspace admins and owners .*SLACK_ADMIN_USERS/);
    const view = await ask(server, '/lossbot settings', { serverId });
    assert.equal((view.reply.data.settings as { answers: string }).answers, 'public');
  });

  test('GIVEN a DM or the CLI THEN settings cannot be changed, in one sentence', async () => {
    const { reply } = await ask(bot(), '/lossbot settings practice=off', { serverId: '', ...admin });
    assert.equal(reply.error?.code, 'no-server');
    assert.equal(reply.summary, 'Settings belong to a Discord server or Slack workspace; here (a DM or this computer) there are none to change.');
  });

  test('GIVEN a bad value or a setting outside settings THEN the usual sentence with the usage', async () => {
    const bad = await ask(bot(), '/lossbot settings answers=secret', { serverId: freshServer(), ...admin });
    assert.equal(bad.verb, 'reject');
    assert.equal(bad.reply.error?.code, 'invalid-choice');
    assert.equal(bad.reply.error?.message, 'answers: "secret" is not one of public, private.');
    assert.match(bad.reply.error?.usage ?? '', /^Usage: \/lossbot /);
    const outside = await ask(bot(), '/lossbot help base=2', { serverId: freshServer(), ...admin });
    assert.equal(outside.reply.error?.code, 'conflicting-options');
    assert.match(outside.reply.summary, /base is a server setting: give it with \/lossbot settings/);
    const channel = await ask(bot(), '/lossbot settings channels=#ML_Help!', { platform: 'slack', serverId: freshServer(), ...admin });
    assert.equal(channel.reply.error?.code, 'invalid-choice');
    assert.match(channel.reply.summary, /^channels: "#ML_Help!" is not a Slack channel name or id/);
  });

  test('GIVEN practice=off THEN /practice and /answer answer that it is off; other commands work', async () => {
    const server = bot();
    const serverId = freshServer();
    await ask(server, '/lossbot settings practice=off', { serverId, ...admin });
    for (const line of ['/practice topic=bce seed=1', '/answer id=bce1a-34b value=0.163', '/practice leaderboard']) {
      const { reply, verb } = await ask(server, line, { serverId });
      assert.equal(verb, 'reject', line);
      assert.equal(reply.error?.code, 'practice-off', line);
      assert.equal(reply.summary, 'Practice is turned off in this server by its admins (/lossbot settings practice=on turns it back on).');
    }
    assert.ok((await ask(server, '/entropy q=0.3,0.7', { serverId })).reply.ok);
    assert.ok((await ask(server, '/practice topic=bce seed=1', { serverId: freshServer() })).reply.ok, 'another server still practises');
  });

  test('GIVEN a Slack channel list THEN a command elsewhere is refused naming the channels; /lossbot settings still works there; names and ids both match', async () => {
    const server = bot();
    const serverId = freshServer();
    const slack = { platform: 'slack', serverId, theme: 'light' as const };
    const set = await ask(server, '/lossbot settings channels=#ml-help,C0123ABCD', { ...slack, ...admin, channelId: `${serverId}:C999` });
    assert.ok(set.reply.ok, set.reply.summary);
    assert.deepEqual((set.reply.data.settings as { channels: string[] }).channels, ['ml-help', 'C0123ABCD']);
    const refused = await ask(server, '/entropy q=0.3,0.7', { ...slack, channelId: `${serverId}:C999`, channelName: 'random' });
    assert.equal(refused.verb, 'reject');
    assert.equal(refused.reply.error?.code, 'channel-not-allowed');
    assert.equal(refused.reply.summary, 'lossbot works only in #ml-help, <#C0123ABCD> in this workspace, as its admins set; /lossbot settings works everywhere.');
    const garbage = await ask(server, '/entropy q=abc', { ...slack, channelId: `${serverId}:C999`, channelName: 'random' });
    assert.equal(garbage.reply.error?.code, 'channel-not-allowed', 'where lossbot works comes before the input');
    assert.ok((await ask(server, '/entropy q=0.3,0.7', { ...slack, channelId: `${serverId}:C777`, channelName: 'ml-help' })).reply.ok, 'by name');
    assert.ok((await ask(server, '/entropy q=0.3,0.7', { ...slack, channelId: `${serverId}:C0123ABCD`, channelName: 'renamed' })).reply.ok, 'by id');
    assert.ok((await ask(server, '/lossbot settings', { ...slack, channelId: `${serverId}:C999`, channelName: 'random' })).reply.ok);
    const cleared = await ask(server, '/lossbot settings channels=all', { ...slack, ...admin, channelId: `${serverId}:C999` });
    assert.deepEqual((cleared.reply.data.settings as { channels: string[] }).channels, []);
    assert.ok((await ask(server, '/entropy q=0.3,0.7', { ...slack, channelId: `${serverId}:C999`, channelName: 'random' })).reply.ok);
  });

  test('GIVEN channels= on Discord THEN refused with where Discord sets per-channel permissions', async () => {
    const { reply } = await ask(bot(), '/lossbot settings channels=#general', { serverId: freshServer(), ...admin });
    assert.equal(reply.error?.code, 'not-on-platform');
    assert.match(reply.summary, /Server Settings → Integrations → lossbot/);
  });

  test('GIVEN a database that fails or does not answer THEN requests run with the defaults, logged once; settings say they could not be read or saved', async () => {
    const lines: string[] = [];
    let reads = 0;
    const failing: SettingsSource & ServerActivity = {
      read: async () => { reads += 1; throw new Error('connection refused'); },
      write: async () => { throw new Error('connection refused'); },
      week: async () => { throw new Error('connection refused'); },
      leaderboard: async () => { throw new Error('connection refused'); },
    };
    const server = bot({ source: failing, lines });
    for (let i = 0; i < 3; i++) assert.ok((await ask(server, '/entropy q=0.3,0.7', { serverId: 'g' })).reply.ok);
    assert.equal(lines.filter((l) => l.includes('server settings cannot be read')).length, 1, 'logged once');
    assert.equal(reads, 1, 'not asked again for a few seconds');
    const view = await ask(server, '/lossbot settings', { serverId: 'g' });
    assert.match(view.reply.summary, /could not be read from the database just now, so the defaults apply/);
    const save = await ask(server, '/lossbot settings base=2', { serverId: 'g', ...admin });
    assert.equal(save.reply.error?.code, 'settings-unavailable');
    assert.equal(save.reply.summary, 'The database could not be reached, so nothing was changed; please try again in a minute.');

    const hanging: SettingsSource & ServerActivity = { ...failing, read: () => new Promise(() => undefined) };
    const started = performance.now();
    assert.ok((await ask(bot({ source: hanging }), '/entropy q=0.3,0.7', { serverId: 'g' })).reply.ok);
    assert.ok(performance.now() - started < SETTINGS_READ_MS + 1_000, 'the acknowledgement does not wait on a silent database');
  });
});

describe('/practice leaderboard', () => {
  test('GIVEN leaderboard=off (the default) THEN one sentence that admins can turn it on; in a DM, no leaderboard', async () => {
    const off = await ask(bot(), '/practice leaderboard', { serverId: freshServer() });
    assert.equal(off.reply.error?.code, 'leaderboard-off');
    assert.equal(off.reply.summary, 'The leaderboard is off in this server; its admins can turn it on with /lossbot settings leaderboard=on.');
    const dm = await ask(bot(), '/practice leaderboard', { serverId: '' });
    assert.equal(dm.reply.error?.code, 'no-server');
  });

  test('GIVEN leaderboard=on THEN this week\'s top students by correct answers, as mentions, at most 10, public', async () => {
    const server = bot();
    const serverId = freshServer();
    await ask(server, '/lossbot settings leaderboard=on', { serverId, ...admin });
    const since = weekStartMs(Date.now());
    const record = (platform: string, userId: string, n: number, atMs = since + 1) => Promise.all(Array.from({ length: n }, (_, i) => store.practice.record({ platform, serverId, userId, kind: 'bce/one-point', topic: 'bce', level: 1, correct: true, mistake: null, atMs: atMs + i })));
    for (let u = 0; u < 12; u++) await record('discord', `${100 + u}`, 12 - u);
    await record('discord', '999', 50, since - 100);
    const { reply, personal } = await ask(server, '/practice leaderboard', { serverId });
    assert.ok(reply.ok, reply.summary);
    assert.equal(personal, false);
    const lines = reply.summary.split('\n');
    assert.equal(lines[0], '1. <@100>: 12 correct answers');
    assert.equal(lines[9], '10. <@109>: 3 correct answers');
    assert.equal((reply.data.rows as unknown[]).length, 10);
    assert.ok(!reply.summary.includes('<@999>'), 'last week does not count');

    await ask(server, '/lossbot settings leaderboard=on', { serverId, platform: 'slack', ...admin });
    await record('slack', `${serverId}:U0ADA`, 2);
    const slack = await ask(server, '/practice leaderboard', { serverId, platform: 'slack', theme: 'light' });
    assert.equal(slack.reply.summary.split('\n')[0], '1. <@U0ADA>: 2 correct answers');
  });
});

describe('/lossbot about', () => {
  test('GIVEN anyone THEN the version, what is stored and where to read more; GIVEN an admin THEN also this server\'s week', async () => {
    const server = bot();
    const serverId = freshServer();
    const student = await ask(server, '/lossbot about', { serverId });
    assert.ok(student.reply.ok, student.reply.summary);
    assert.equal(student.reply.data.version, '0.1.0');
    assert.deepEqual(student.reply.fields.map((f) => f.name), ['Version', 'What is stored', 'Read more']);
    assert.match(student.reply.fields[1]?.value ?? '', /Never any message text/);
    assert.equal(student.reply.data.week, null);
    await store.practice.record({ platform: 'discord', serverId, userId: 'ada', kind: 'k', topic: 'bce', level: 1, correct: true, mistake: null, atMs: Date.now() });
    const staff = await ask(server, '/lossbot about', { serverId, ...admin });
    assert.match(staff.reply.fields[3]?.value ?? '', /^1 practice answer by 1 student/);
    assert.deepEqual((staff.reply.data.week as { attempts: number }).attempts, 1);
  });
});
