import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { StoreServer } from '../../src/store/store-server.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { APP_ID, GUILD_ID, type FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

const EPHEMERAL = 64;
/** Discord's permission bits (API v10): Send Messages, and Manage Server (MANAGE_GUILD, 1 << 5). */
const SEND_MESSAGES = 1n << 11n;
const MANAGE_GUILD = 1n << 5n;

let harness: DiscordHarness;
let fake: FakeDiscord;
let store: Store;
let folder: string;

before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'lossbot-discord-settings-'));
  store = await openStore({ kind: 'sqlite', file: path.join(folder, 'lossbot.sqlite') });
  harness = await startDiscordHarness({ charts: false, server: new StoreServer(async () => store), limits: { ...DEFAULT_LIMITS, user: { capacity: 100, perMinute: 600 } } });
  ({ fake } = harness);
});

after(async () => {
  await harness.stop();
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

/** A slash command from a member with exactly these permissions. */
function command(name: string, options: Record<string, string>, permissions: bigint) {
  const interaction = slashCommand(name, options);
  return { ...interaction, member: { ...interaction.member, permissions: String(permissions) } };
}

interface Callback {
  type: number;
  data?: { content?: string; flags?: number };
}

async function send(interaction: ReturnType<typeof command>) {
  fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = (await fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`))).json as Callback;
  const edit = await fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
  return { callback, edit: edit.json as { content?: string; embeds?: Array<{ title?: string; description?: string }> } };
}

describe('Discord: /lossbot settings', () => {
  test('GIVEN a member without Manage Server THEN refused in one sentence, to them alone; one with it sets answers=private and the next /entropy is deferred ephemerally', async () => {
    const refused = await send(command('lossbot', { topic: 'settings', answers: 'private' }, SEND_MESSAGES));
    assert.equal(refused.callback.type, 5);
    assert.equal(refused.callback.data?.flags, EPHEMERAL, 'settings are the asker\'s business');
    assert.match(refused.edit.content ?? '', /Only members with the Manage Server permission can change lossbot's settings here/);
    assert.deepEqual(await store.settings.read('discord', GUILD_ID), {}, 'nothing changed');

    const before = await send(command('entropy', { q: '0.3,0.7' }, SEND_MESSAGES));
    assert.equal((before.callback.data?.flags ?? 0) & EPHEMERAL, 0, 'public before the change');

    const changed = await send(command('lossbot', { topic: 'settings', answers: 'private', theme: 'light' }, SEND_MESSAGES | MANAGE_GUILD));
    assert.equal(changed.edit.embeds?.[0]?.title, 'lossbot: server settings');
    assert.match(changed.edit.embeds?.[0]?.description ?? '', /answers: public → private; theme: dark → light/);
    assert.deepEqual(await store.settings.read('discord', GUILD_ID), { answers: 'private', theme: 'light' });

    const after = await send(command('entropy', { q: '0.3,0.7' }, SEND_MESSAGES));
    assert.equal(after.callback.type, 5);
    assert.equal(after.callback.data?.flags, EPHEMERAL, 'answers=private: deferred ephemerally');
    // scipy 1.10.1: scipy.stats.entropy([0.3, 0.7]) = 0.6108643020548935 nats, printed to 4 decimals.
    assert.match(after.edit.embeds?.[0]?.title ?? '', /0\.6109 nats/);
  });

  test('GIVEN base=2 set THEN /logloss without base= answers in bits; channels= is refused with Discord\'s own per-channel permissions', async () => {
    await send(command('lossbot', { topic: 'settings', base: '2', answers: 'public' }, MANAGE_GUILD));
    const bits = await send(command('logloss', { y: '1,0,1', p: '0.9,0.2,0.7' }, SEND_MESSAGES));
    // scikit-learn 1.2.1: log_loss([1,0,1], [0.9,0.2,0.7]) / ln 2 = 0.32950145372072354 bits.
    assert.match(bits.edit.embeds?.[0]?.title ?? '', /0\.3295 bits/);
    const channels = await send(command('lossbot', { topic: 'settings', channels: '#general' }, MANAGE_GUILD));
    assert.match(channels.edit.content ?? '', /Server Settings → Integrations → lossbot/);
  });
});
