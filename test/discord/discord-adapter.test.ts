import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { register } from '../../src/adapters/discord/register.js';
import { registrationPayload } from '../../src/adapters/discord/registration.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import { readPng } from '../charts/read-png.js';
import { APP_ID, FakeDiscord, GUILD_ID, type RecordedRequest } from './fake-discord.js';
import { ASKER, buttonClick, OTHER, slashCommand } from './interactions.js';

const TOKEN = 'fake-token.for-tests.only-0123456789';
const EPHEMERAL = 64;
let fake: FakeDiscord;
let bot: Lossbot;
let adapter: RunningAdapter;
const logLines: string[] = [];

interface CallbackBody {
  type: number;
  data?: { content?: string; flags?: number };
}
interface EditBody {
  embeds: Array<{ title?: string; description?: string; image?: { url: string }; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
  attachments?: Array<{ id: number | string; filename: string }>;
}

function assertPngs(request: RecordedRequest, count: number): void {
  const pngs = request.files.filter((f) => f.name.endsWith('.png'));
  assert.equal(pngs.length, count, `expected ${count} PNGs, got ${request.files.map((f) => f.name).join(', ')}`);
  for (const file of pngs) {
    assert.deepEqual([...file.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], file.name);
    const { width, height } = readPng(file.bytes);
    assert.ok(width > 100 && height > 50, `${file.name} is ${width}x${height}`);
  }
}

const callbackOf = (interaction: { id: string }) => fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));
const editOf = (interaction: { token: string }) => fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
const followUpOf = (interaction: { token: string }) => fake.request('POST', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}$`));

before(async () => {
  fake = await new FakeDiscord().start();
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { logLines.push(String(chunk)); done(); } }));
  bot = createLossbot({ logger, charts: true, chartThreads: 2, limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  adapter = await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl, attachmentOrigin: `http://127.0.0.1:${fake.port}` }, lossbot: bot, logger, restRetries: 0 });
});

after(async () => {
  await adapter.stop();
  await bot.close();
  await fake.stop();
});

describe('the Discord adapter: real discord.js against a fake Discord', () => {
  test('GIVEN a token THEN the client logs in to the gateway, is ready, and logs the invite URL without the token', () => {
    assert.equal(fake.identified.length, 1);
    const ready = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg?.toString().startsWith('discord ready'));
    assert.match(String(ready?.invite), /client_id=100000000000000001&scope=bot%20applications\.commands&permissions=51200$/);
    assert.equal(logLines.join('').includes(TOKEN), false, 'the token never reaches the logs');
  });

  test('GIVEN /logloss with p THEN a deferred reply, then an edit with the embed and two PNG charts', async () => {
    const interaction = slashCommand('logloss', { y: '1,0,1', p: '0.9,0.2,0.7' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    assert.equal(((await callbackOf(interaction)).json as CallbackBody).type, 5);
    const edit = await editOf(interaction);
    const body = edit.json as EditBody;
    assert.match(body.embeds[0]?.title ?? '', /Log loss/);
    assert.match(body.embeds[0]?.description ?? '', /0\.2284 nats/);
    assert.match(body.embeds[0]?.description ?? '', /```/, 'the per-point table in a code block');
    assert.equal(body.embeds[0]?.image?.url, 'attachment://logloss-curve.png');
    assertPngs(edit, 2);
  });

  test('GIVEN /logloss with x THEN the fitted model and its chart', async () => {
    const interaction = slashCommand('logloss', { x: '-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6', y: '0,0,1,0,1,1,1,1,1,1' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await editOf(interaction);
    assert.match(JSON.stringify(edit.json), /0\.3329/);
    assert.ok(edit.files.some((f) => f.name === 'logloss-fit.png'));
    assertPngs(edit, edit.files.filter((f) => f.name.endsWith('.png')).length);
  });

  test('GIVEN /logloss with a CSV attachment THEN only that attachment is read and answered', async () => {
    fake.files.set('data.csv', { body: Buffer.from('y,p\n1,0.9\n0,0.2\n1,0.7\n'), type: 'text/csv' });
    const interaction = slashCommand('logloss', {}, { attachment: { filename: 'data.csv', url: `http://127.0.0.1:${fake.port}/files/data.csv`, size: 22, contentType: 'text/csv; charset=utf-8' } });
    fake.dispatch('INTERACTION_CREATE', interaction);
    assert.equal(((await callbackOf(interaction)).json as CallbackBody).type, 5);
    const edit = await editOf(interaction);
    assert.match((edit.json as EditBody).embeds[0]?.description ?? '', /0\.2284 nats/);
    // Uploaded predictions also get the reliability diagram.
    assertPngs(edit, 3);
  });

  test('GIVEN an image attached as the CSV THEN an ephemeral "not a CSV" and the public placeholder is removed', async () => {
    const interaction = slashCommand('logloss', {}, { attachment: { filename: 'cat.png', url: `http://127.0.0.1:${fake.port}/files/cat.png`, size: 1000, contentType: 'image/png' } });
    fake.dispatch('INTERACTION_CREATE', interaction);
    await fake.request('DELETE', new RegExp(`/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
    const followUp = (await followUpOf(interaction)).json as { content: string; flags: number };
    assert.equal(followUp.flags, EPHEMERAL);
    assert.match(followUp.content, /"cat\.png" is not a CSV file/);
    assert.equal(fake.requests.some((r) => r.path === '/files/cat.png'), false, 'nothing was downloaded');
  });

  test('GIVEN /entropy THEN the embed carries entropy, cross-entropy and KL with its charts', async () => {
    const interaction = slashCommand('entropy', { q: '0.3,0.7', p: '0.5,0.5' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await editOf(interaction);
    assert.match((edit.json as EditBody).embeds[0]?.title ?? '', /Entropy 0\.6109, cross-entropy 0\.6931, KL 0\.08228 nats/);
    assertPngs(edit, 2);
  });

  test('GIVEN bad input THEN an immediate ephemeral reply with the sentence and the usage, and no deferral', async () => {
    const interaction = slashCommand('logloss', { y: '1,0', p: '85,0.2' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = (await callbackOf(interaction)).json as CallbackBody;
    assert.equal(callback.type, 4);
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.match(callback.data?.content ?? '', /did you mean 0\.85\?/);
    assert.match(callback.data?.content ?? '', /Usage: \/logloss/);
  });

  test('GIVEN /derive THEN step 1 with buttons; Next updates it in place; a classmate is told only the asker can page', async () => {
    const interaction = slashCommand('derive', { topic: 'bce', y: '1', p: '0.85' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const first = await editOf(interaction);
    const body = first.json as EditBody;
    assert.match(body.embeds[1]?.title ?? '', /^Step 1 of 5: One label is a coin toss/);
    // The opening page's pictures only: the other steps are typeset when paged to.
    assert.deepEqual(first.files.map((f) => f.name).sort(), ['derive-bce-likelihood.png', 'derive-bce-step-1.png']);
    assertPngs(first, first.files.filter((f) => f.name.endsWith('.png')).length);
    const row = body.components?.[0]?.components ?? [];
    assert.deepEqual(row.map((b) => b.label), ['Previous', 'Next', 'All steps', 'Delete']);
    assert.equal(row[0]?.disabled, true);
    const next = row.find((b) => b.label === 'Next')?.custom_id ?? '';
    assert.ok(next.length <= 100);
    const message = fake.message(body);

    const click = buttonClick(next, message);
    fake.dispatch('INTERACTION_CREATE', click);
    assert.equal(((await callbackOf(click)).json as CallbackBody).type, 6);
    const update = await editOf(click);
    assert.match((update.json as EditBody).embeds[0]?.title ?? '', /^Step 2 of 5: Independent points multiply/);
    assert.deepEqual(update.files.map((f) => f.name), ['derive-bce-step-2.png']);

    const stranger = buttonClick(next, message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', stranger);
    const refused = (await callbackOf(stranger)).json as CallbackBody;
    assert.equal(refused.type, 4);
    assert.equal(refused.data?.flags, EPHEMERAL);
    assert.match(refused.data?.content ?? '', /Only the person who asked can page/);
  });

  test('GIVEN a reply that fails on Discord\'s side THEN the error is logged with a reference id and the user gets an ephemeral apology', async () => {
    const interaction = slashCommand('entropy', { q: '0.5,0.5' });
    fake.failNext.set(`PATCH /api/v10/webhooks/${APP_ID}/${interaction.token}`, [{ status: 500 }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const followUp = (await followUpOf(interaction)).json as { content: string; flags: number };
    assert.equal(followUp.flags, EPHEMERAL);
    const reference = /reference ([0-9a-f]{8})/.exec(followUp.content)?.[1];
    assert.ok(reference, followUp.content);
    const logged = logLines.map((l) => JSON.parse(l) as { referenceId?: string; err?: { stack?: string } }).find((l) => l.referenceId === reference);
    assert.ok(logged?.err?.stack, 'the log line has the stack');
  });

  test('GIVEN npm run register THEN the PUT body is exactly what the declarations say', async () => {
    const message = await register({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: GUILD_ID });
    assert.match(message, /Registered 6 commands in server/);
    const put = await fake.request('PUT', new RegExp(`^/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    assert.deepEqual(put.json, JSON.parse(JSON.stringify(registrationPayload(commands))));
    const payload = put.json as Array<{ name: string; integration_types: number[]; contexts: number[]; options: Array<{ name: string; type: number; required: boolean; choices?: Array<{ value: string }> }> }>;
    assert.deepEqual(payload.map((c) => c.name), ['logloss', 'entropy', 'derive', 'practice', 'answer', 'lossbot']);
    const logloss = payload[0];
    assert.deepEqual(logloss?.options.map((o) => [o.name, o.type]), [
      ['y', 3], ['p', 3], ['logits', 3], ['x', 3], ['w', 3], ['c', 3], ['penalty', 3], ['intercept', 3], ['class_weight', 3], ['base', 3], ['file', 11], ['labels', 3],
      ['convention', 3], ['reduction', 3], ['eps', 3], ['pos_weight', 3], ['smoothing', 3], ['bins', 3],
    ]);
    assert.equal(logloss?.options.find((o) => o.name === 'y')?.required, false, 'y is not needed with file=');
    assert.deepEqual(payload[1]?.options.map((o) => [o.name, o.required]), [['q', true], ['p', false], ['base', false], ['axis', false]], 'required options first');
    assert.equal(payload[1]?.options.find((o) => o.name === 'base')?.choices, undefined, '/entropy takes any base above 1, so no fixed choices');
    assert.deepEqual(payload[2]?.options.find((o) => o.name === 'topic')?.choices?.map((c) => c.value), ['bce', 'cross-entropy', 'gradient', 'categorical', 'mse', 'entropy']);
    for (const command of payload) {
      assert.deepEqual(command.integration_types, [0, 1]);
      assert.deepEqual(command.contexts, [0, 1, 2]);
    }
  });
});
