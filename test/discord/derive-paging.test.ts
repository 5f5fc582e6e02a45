import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';
import { buttonClick, OTHER, slashCommand } from './interactions.js';

const TOKEN = 'fake-token.for-tests.only-0123456789';
const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
// The article's example: 10 points with 2-decimal p make a line of 105 characters, past a 100-character button id.
const LONG = { topic: 'bce', y: '0,0,1,0,1,1,1,1,1,1', p: '0.12,0.23,0.34,0.45,0.56,0.67,0.78,0.89,0.91,0.95' };
const LONG_LINE = `/derive topic=bce y=${LONG.y} p=${LONG.p}`;

interface Embed { title?: string; description?: string; image?: { url: string }; footer?: { text: string } }
interface EditBody {
  embeds: Embed[];
  components?: Array<{ components: Array<{ custom_id: string; label: string; disabled?: boolean }> }>;
}

let fake: FakeDiscord;
const bots: Lossbot[] = [];
const adapters: RunningAdapter[] = [];

/** A bot process as main.ts starts one: its own core and its own gateway connection. */
async function startBot(): Promise<{ bot: Lossbot; adapter: RunningAdapter }> {
  // Commands: the default burst of 5 that never refills within the test; clicks keep their defaults.
  const bot = createLossbot({ logger, charts: true, chartThreads: 1, limits: { ...DEFAULT_LIMITS, user: { capacity: 5, perMinute: 0.01 } } });
  const adapter = await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl, attachmentOrigin: `http://127.0.0.1:${fake.port}` }, lossbot: bot, logger, restRetries: 0 });
  bots.push(bot);
  adapters.push(adapter);
  return { bot, adapter };
}

const callbackOf = (interaction: { id: string }) => fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));
const editOf = (interaction: { token: string }) => fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
const buttonsOf = (body: EditBody) => body.components?.[0]?.components ?? [];

before(async () => {
  fake = await new FakeDiscord().start();
  await startBot();
});

after(async () => {
  for (const adapter of adapters) await adapter.stop();
  for (const bot of bots) await bot.close();
  await fake.stop();
});

describe('/derive paging on Discord: the line travels in the message', () => {
  test('GIVEN the 10-point example THEN step 1 has buttons with short ids; Next reads the line back from the message; a fresh bot answers a click on the old message', { timeout: 20_000 }, async () => {
    const interaction = slashCommand('derive', LONG);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const first = (await editOf(interaction)).json as EditBody;
    assert.deepEqual(buttonsOf(first).map((b) => b.label), ['Previous', 'Next', 'All steps', 'Delete']);
    for (const button of buttonsOf(first)) assert.match(button.custom_id, /^lb2:[pnad]\d{1,3}$/);
    assert.equal(first.embeds.at(-1)?.footer?.text, LONG_LINE);
    const next = buttonsOf(first).find((b) => b.label === 'Next')?.custom_id ?? '';
    const message = fake.message(first);

    const click = buttonClick(next, message);
    fake.dispatch('INTERACTION_CREATE', click);
    assert.equal(((await callbackOf(click)).json as { type: number }).type, 6);
    const second = (await editOf(click)).json as EditBody;
    assert.match(second.embeds[0]?.title ?? '', /^Step 2 of \d: /);
    assert.equal(second.embeds.at(-1)?.footer?.text, LONG_LINE, 'the next page carries the line on');

    const old = adapters.shift();
    await old?.stop();
    await startBot();
    const later = buttonClick(next, message);
    fake.dispatch('INTERACTION_CREATE', later);
    assert.match(((await editOf(later)).json as EditBody).embeds[0]?.title ?? '', /^Step 2 of \d: /);
  });

  test('GIVEN a message posted with an lb1 id that holds the line THEN its Next still pages', { timeout: 20_000 }, async () => {
    const click = buttonClick('lb1:n1:/derive topic=bce y=1 p=0.85', fake.message({ embeds: [{ title: 'Step 1 of 5' }] }));
    fake.dispatch('INTERACTION_CREATE', click);
    const update = (await editOf(click)).json as EditBody;
    assert.match(update.embeds[0]?.title ?? '', /^Step 2 of 5: Independent points multiply/);
    assert.deepEqual(buttonsOf(update).map((b) => b.custom_id), ['lb2:p0', 'lb2:n2', 'lb2:a1', 'lb2:d1']);
    assert.equal(update.embeds.at(-1)?.footer?.text, '/derive topic=bce y=1 p=0.85');
  });

  test('GIVEN 10 quick Next clicks THEN every one is answered, while a 6th command in a row is limited', { timeout: 20_000 }, async () => {
    const interaction = slashCommand('derive', { topic: 'bce', y: '1', p: '0.85' }, { user: OTHER });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const message = fake.message((await editOf(interaction)).json);
    const clicks = Array.from({ length: 10 }, (_, i) => buttonClick(`lb2:n${(i % 4) + 1}`, message, OTHER, OTHER));
    for (const click of clicks) fake.dispatch('INTERACTION_CREATE', click);
    const edits = await Promise.all(clicks.map((click) => editOf(click)));
    for (const edit of edits) assert.match((edit.json as EditBody).embeds[0]?.title ?? '', /^Step [2-5] of 5/);

    const commands = Array.from({ length: 5 }, () => slashCommand('entropy', { q: '0.5,0.5' }, { user: OTHER }));
    for (const command of commands) fake.dispatch('INTERACTION_CREATE', command);
    const callbacks = await Promise.all(commands.map((command) => callbackOf(command)));
    const refused = callbacks.map((c) => c.json as { type: number; data?: { content?: string } }).filter((c) => c.type === 4);
    assert.equal(refused.length, 1, 'commands 2-5 pass, the 6th is limited');
    assert.match(refused[0]?.data?.content ?? '', /faster/);
  });

  test('GIVEN a step with a typeset image THEN its embed shows the image and no Unicode copy of the equation', { timeout: 20_000 }, async () => {
    const interaction = slashCommand('derive', { topic: 'bce', y: '1', p: '0.85' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await editOf(interaction);
    const step = (edit.json as EditBody).embeds.find((e) => e.title?.startsWith('Step 1'));
    assert.equal(step?.image?.url, 'attachment://derive-bce-step-1.png');
    assert.doesNotMatch(step?.description ?? '', /```/);
    const attachments = (edit.json as { attachments?: Array<{ id: string; description?: string }> }).attachments ?? [];
    const field = edit.files.find((f) => f.name === 'derive-bce-step-1.png')?.field;
    assert.match(attachments.find((a) => field === `files[${a.id}]`)?.description ?? '', /^Step 1, .*=/, 'the equation is in the picture\'s alt text');
  });
});
