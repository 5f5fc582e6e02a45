import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { DISCORD_LIMITS } from '../../src/adapters/discord/discord-limits.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import type { Asker } from '../../src/core/progress.js';
import { StoreProgress } from '../../src/store/store-progress.js';
import { APP_ID, EPHEMERAL, FakeDiscord, GUILD_ID } from './fake-discord.js';
import { ASKER, buttonClick, modalSubmit, OTHER, slashCommand } from './interactions.js';

const TOKEN = 'fake-token.for-tests.only-0123456789';
const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
// The formula card's problem: y = 1, p = 0.85.
// scikit-learn 1.2.1: log_loss([1], [0.85], labels=[0, 1]) = 0.16251892949777494 (nats), so 0.163 is right;
// the same divided by ln 10 = 0.07058107428570727, the log10 slip 0.0709 is within its tolerance of.
const CARD = 'bce1a-34b';

interface Embed { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } }
interface Button { custom_id: string; label: string; style: number; disabled?: boolean }
interface MessageBody { content?: string; embeds: Embed[]; components?: Array<{ components: Button[] }> }

let fake: FakeDiscord;
let folder: string;
let progress: StoreProgress;
const bots: Lossbot[] = [];
const adapters: RunningAdapter[] = [];

/** A bot process as main.ts starts one: its own core and gateway connection, the one database. */
async function startBot(): Promise<void> {
  const generous = { capacity: 100, perMinute: 600 };
  const bot = createLossbot({ logger, charts: false, progress, limits: { ...DEFAULT_LIMITS, user: generous, channel: generous } });
  bots.push(bot);
  adapters.push(await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl }, lossbot: bot, logger, restRetries: 0 }));
}

const editOf = (interaction: { token: string }) => fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
const deleteOf = (interaction: { token: string }) => fake.request('DELETE', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
const edited = async (interaction: { token: string }) => (await editOf(interaction)).json as MessageBody;
const buttonsOf = (body: MessageBody) => body.components?.flatMap((row) => row.components) ?? [];
const idOf = (body: MessageBody, label: string) => buttonsOf(body).find((b) => b.label === label)?.custom_id ?? '';
const asker = (user: { id: string }): Asker => ({ platform: 'discord', serverId: GUILD_ID, userId: user.id });
const attempts = async (user: { id: string }) => (await progress.stats(asker(user))).attempts;

/** `/practice topic=bce seed=843` in the channel: the problem message as Discord stores it. */
async function poseCard(): Promise<{ body: MessageBody; message: Record<string, unknown> }> {
  const command = slashCommand('practice', { topic: 'bce', seed: '843' });
  fake.dispatch('INTERACTION_CREATE', command);
  const deferral = await fake.callback(command);
  assert.equal(deferral.type, 5);
  assert.equal((deferral.data?.flags ?? 0) & EPHEMERAL, 0, 'the problem is posed to the channel');
  const body = await edited(command);
  return { body, message: fake.message(body) };
}

/** Submits the answer box opened from `message`, as `user`; the callback and what the reply became. */
async function submit(value: string, message: Record<string, unknown>, user = ASKER) {
  const submission = modalSubmit(`lbq:a:${CARD}`, { value }, message, user);
  fake.dispatch('INTERACTION_CREATE', submission);
  return { submission, callback: await fake.callback(submission) };
}

before(async () => {
  fake = await new FakeDiscord().start();
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-discord-practice-'));
  progress = new StoreProgress({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') }, logger);
  await startBot();
});

after(async () => {
  for (const adapter of adapters) await adapter.stop();
  for (const bot of bots) await bot.close();
  await progress.close();
  await fake.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('the practice loop on Discord: buttons, an answer box, answers to the presser alone', () => {
  test('GIVEN /practice topic=bce seed=843 THEN the problem embed has Answer, Hint and Solution with the problem id in their ids, and says what to type', { timeout: 20_000 }, async () => {
    const { body } = await poseCard();
    assert.equal(body.embeds[0]?.title, 'Practice: bce, level 1');
    assert.deepEqual(buttonsOf(body).map((b) => [b.label, b.custom_id]), [['Answer', `lbq:a:${CARD}`], ['Hint', `lbq:h:${CARD}`], ['Solution', `lbq:s:${CARD}`]]);
    for (const button of buttonsOf(body)) assert.ok(button.custom_id.length <= DISCORD_LIMITS.customId);
    assert.equal(body.embeds[0]?.footer?.text, 'Answer in nats, 3 decimals');
    assert.doesNotMatch(JSON.stringify(body), /0\.16[23]/, 'the answer is nowhere in the message');
  });

  test('GIVEN a classmate presses Answer THEN the first response is a modal with one short required text input asking for nats to 3 decimals', { timeout: 20_000 }, async () => {
    const { body, message } = await poseCard();
    const click = buttonClick(idOf(body, 'Answer'), message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', click);
    const modal = await fake.callback(click);
    assert.equal(modal.type, 9, 'a modal, with no deferral before it');
    assert.equal(modal.data?.custom_id, `lbq:a:${CARD}`);
    assert.equal(modal.data?.title, `Answer ${CARD}`);
    assert.ok((modal.data?.title ?? '').length <= DISCORD_LIMITS.modalTitle);
    const rows = modal.data?.components ?? [];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.type, 1);
    assert.deepEqual(rows[0]?.components, [{ type: 4, custom_id: 'value', label: 'Your answer', style: 1, required: true, max_length: 40, placeholder: 'nats, 3 decimals' }]);
    const callbacks = fake.requests.filter((r) => r.path.startsWith(`/api/v10/interactions/${click.id}/`));
    assert.equal(callbacks.length, 1, 'the modal is the one response to the click');
  });

  test('GIVEN 0.163 submitted in the answer box THEN an ephemeral deferral, then "Right", and the attempt is kept with the guild', { timeout: 20_000 }, async () => {
    const { message } = await poseCard();
    const before = await attempts(ASKER);
    const { submission, callback } = await submit('0.163', message);
    assert.equal(callback.type, 5);
    assert.equal(callback.data?.flags, EPHEMERAL);
    const answer = await edited(submission);
    assert.equal(answer.embeds[0]?.title, `Right: ${CARD}`);
    assert.match(answer.embeds[0]?.description ?? '', /Right: 0\.163 nats/);
    assert.deepEqual(buttonsOf(answer), [], 'a right answer has nothing to page');
    assert.equal(await attempts(ASKER), before + 1);
    const stats = await progress.stats(asker(ASKER));
    assert.equal(stats.byTopic.bce?.correct, stats.correct);
  });

  test('GIVEN 0.0709 (the log10 slip) THEN the answer is ephemeral and names the mistake', { timeout: 20_000 }, async () => {
    const { message } = await poseCard();
    const { submission, callback } = await submit('0.0709', message, OTHER);
    assert.equal(callback.type, 5);
    assert.equal(callback.data?.flags, EPHEMERAL);
    const answer = await edited(submission);
    assert.equal(answer.embeds[0]?.title, `Not quite: ${CARD}`);
    assert.equal(answer.embeds[0]?.fields?.find((f) => f.name === 'Mistake')?.value, 'log10');
    assert.match(answer.embeds[0]?.description ?? '', /log base 10/);
  });

  test('GIVEN abc, or only spaces, in the answer box THEN one ephemeral sentence at once, and no attempt is kept', { timeout: 20_000 }, async () => {
    const { message } = await poseCard();
    const before = await attempts(ASKER);
    const garbage = await submit('abc', message);
    assert.equal(garbage.callback.type, 4, 'refused at once, without a deferral');
    assert.equal(garbage.callback.data?.flags, EPHEMERAL);
    const sentence = (garbage.callback.data?.content ?? '').split('\n')[0] ?? '';
    assert.match(sentence, /value.*"abc" is not a number.*one number/);
    assert.equal(sentence.match(/[.;:] [A-Z]/g), null, 'one sentence');
    const blank = await submit('   ', message);
    assert.equal(blank.callback.type, 4);
    assert.equal(blank.callback.data?.flags, EPHEMERAL);
    assert.match(blank.callback.data?.content ?? '', /value is missing/);
    assert.equal(await attempts(ASKER), before);
  });

  test('GIVEN Hint or Solution pressed by a classmate THEN each answer is ephemeral with the steps, and neither is an attempt', { timeout: 20_000 }, async () => {
    const { body, message } = await poseCard();
    const before = await attempts(OTHER);
    const hint = buttonClick(idOf(body, 'Hint'), message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', hint);
    assert.deepEqual(await fake.callback(hint), { type: 5, data: { flags: EPHEMERAL } });
    const hinted = await edited(hint);
    assert.equal(hinted.embeds[0]?.title, `Hint for ${CARD}`);
    assert.match(hinted.embeds[1]?.title ?? '', /^Step 1 of 1: /);

    const solution = buttonClick(idOf(body, 'Solution'), message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', solution);
    assert.deepEqual(await fake.callback(solution), { type: 5, data: { flags: EPHEMERAL } });
    const solved = await edited(solution);
    assert.equal(solved.embeds[0]?.title, `Worked solution of ${CARD}`);
    assert.match(solved.embeds[1]?.title ?? '', /^Step 1 of 5: /);
    assert.deepEqual(buttonsOf(solved).map((b) => b.label), ['Previous', 'Next', 'All steps', 'Delete']);
    assert.equal(solved.embeds.at(-1)?.footer?.text, `/answer id=${CARD} show=solution`);
    assert.equal(await attempts(OTHER), before);
  });

  test('GIVEN a wrong answer that matches no slip THEN its worked solution pages in the ephemeral message, the pages are no attempts, and Delete removes it', { timeout: 20_000 }, async () => {
    const { message } = await poseCard();
    const before = await attempts(ASKER);
    const { submission, callback } = await submit('0.5', message);
    assert.equal(callback.data?.flags, EPHEMERAL);
    const first = await edited(submission);
    assert.equal(first.embeds[0]?.title, `Not quite: ${CARD}`);
    assert.match(first.embeds[1]?.title ?? '', /^Step 1 of 5: /);
    assert.equal(await attempts(ASKER), before + 1);
    // The ephemeral message as Discord returns it (flag 64), its interaction the submitter's.
    const shown = fake.message(first, { flags: EPHEMERAL });

    const next = buttonClick(idOf(first, 'Next'), shown, ASKER, ASKER);
    fake.dispatch('INTERACTION_CREATE', next);
    assert.equal((await fake.callback(next)).type, 6, 'deferUpdate on the ephemeral message');
    const second = await edited(next);
    assert.match(second.embeds[0]?.title ?? '', /^Step 2 of 5: /);
    assert.equal(second.embeds.at(-1)?.footer?.text, `/answer id=${CARD} value=0.5`);
    const all = buttonClick(idOf(second, 'All steps'), fake.message(second, { flags: EPHEMERAL }), ASKER, ASKER);
    fake.dispatch('INTERACTION_CREATE', all);
    assert.equal((await fake.callback(all)).type, 6);
    assert.match((await edited(all)).embeds.map((e) => e.title).join('\n'), /Step 5 of 5/);
    assert.equal(await attempts(ASKER), before + 1, 'paging re-runs the line without keeping it again');

    const remove = buttonClick(idOf(second, 'Delete'), fake.message(second, { flags: EPHEMERAL }), ASKER, ASKER);
    fake.dispatch('INTERACTION_CREATE', remove);
    assert.equal((await fake.callback(remove)).type, 6);
    await deleteOf(remove);
  });

  test('GIVEN a problem message from before a restart THEN a fresh process answers its Solution and its answer box', { timeout: 20_000 }, async () => {
    const { body, message } = await poseCard();
    const old = adapters.shift();
    await old?.stop();
    await bots.shift()?.close();
    await startBot();
    const solution = buttonClick(idOf(body, 'Solution'), message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', solution);
    assert.equal((await fake.callback(solution)).data?.flags, EPHEMERAL);
    assert.equal((await edited(solution)).embeds[0]?.title, `Worked solution of ${CARD}`);
    const click = buttonClick(idOf(body, 'Answer'), message, OTHER, ASKER);
    fake.dispatch('INTERACTION_CREATE', click);
    assert.equal((await fake.callback(click)).type, 9);
    const { submission } = await submit('0.163', message, OTHER);
    assert.equal((await edited(submission)).embeds[0]?.title, `Right: ${CARD}`);
  });

  test('GIVEN /practice stats and /lossbot forget-me THEN both are deferred ephemerally and answered there', { timeout: 20_000 }, async () => {
    const stats = slashCommand('practice', { topic: 'stats' });
    fake.dispatch('INTERACTION_CREATE', stats);
    assert.deepEqual(await fake.callback(stats), { type: 5, data: { flags: EPHEMERAL } });
    assert.match((await edited(stats)).embeds[0]?.description ?? '', /correct answers? of \d+ attempts?/);

    const forget = slashCommand('lossbot', { topic: 'forget-me' });
    fake.dispatch('INTERACTION_CREATE', forget);
    assert.deepEqual(await fake.callback(forget), { type: 5, data: { flags: EPHEMERAL } });
    await edited(forget);
    assert.equal(await attempts(ASKER), 0, 'forgotten');
  });
});
