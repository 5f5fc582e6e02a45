import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { createLossbot, type Lossbot } from '../../src/app.js';
import { registrationPayload } from '../../src/adapters/discord/registration.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

const TOKEN = 'fake-token.for-tests.only-0123456789';
const EPHEMERAL = 64;
/** Discord: a string option holds at most 6,000 characters. */
const CAP = 6000;
let fake: FakeDiscord;
let bot: Lossbot;
let adapter: RunningAdapter;

before(async () => {
  fake = await new FakeDiscord().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  bot = createLossbot({ logger, charts: false });
  adapter = await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl, attachmentOrigin: `http://127.0.0.1:${fake.port}` }, lossbot: bot, logger, restRetries: 0 });
});

after(async () => {
  await adapter.stop();
  await bot.close();
  await fake.stop();
});

const callbackOf = (interaction: { id: string }) => fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));

describe('Discord: option values hold at most 6,000 characters', () => {
  test('GIVEN the registration payload THEN every /logloss list option says to attach a CSV for long data, whole, within 100 characters', () => {
    const logloss = registrationPayload(commands).find((c) => c.name === 'logloss');
    const single = new Set(commands.find((c) => c.name === 'logloss')?.options.filter((o) => o.single).map((o) => o.name));
    const lists = logloss?.options.filter((o) => o.type === 3 && !o.choices && !single.has(o.name)) ?? [];
    assert.deepEqual(lists.map((o) => o.name).sort(), ['labels', 'logits', 'p', 'w', 'x', 'y']);
    for (const name of single) assert.doesNotMatch(logloss?.options.find((o) => o.name === name)?.description ?? '', /attach a CSV/, name);
    for (const option of lists) {
      assert.match(option.description, /; for long data attach a CSV$/, option.name);
      assert.ok(option.description.length <= 100, `${option.name}: ${option.description.length} characters`);
    }
    for (const command of registrationPayload(commands)) {
      assert.ok(command.description.length <= 100);
      for (const option of command.options) assert.ok(option.description.length <= 100, `${command.name} ${option.name}`);
    }
  });

  test('GIVEN commands with no CSV option THEN their descriptions do not promise one', () => {
    const others = registrationPayload(commands).filter((c) => !c.options.some((o) => o.type === 11));
    assert.ok(others.length > 0);
    for (const command of others) for (const option of command.options) assert.doesNotMatch(option.description, /CSV/, `${command.name} ${option.name}`);
  });

  test('GIVEN /logloss with a value of exactly 6,000 characters THEN at once and privately: it may be cut off, attach a CSV', async () => {
    const interaction = slashCommand('logloss', { y: '1,'.repeat(CAP / 2), p: '0.9' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = (await callbackOf(interaction)).json as { type: number; data?: { content?: string; flags?: number } };
    assert.equal(callback.type, 4);
    assert.equal(callback.data?.flags, EPHEMERAL);
    assert.match(callback.data?.content ?? '', /y is 6,000 characters long, the most Discord keeps per option, so it may have been cut off; attach the data as a CSV file \(file\) instead\./);
  });

  test('GIVEN a value one character shorter THEN it is read as usual (here: a length mismatch)', async () => {
    const interaction = slashCommand('logloss', { y: `${'1,'.repeat(CAP / 2 - 1)}1`, p: '0.9' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = (await callbackOf(interaction)).json as { data?: { content?: string } };
    assert.match(callback.data?.content ?? '', /p has 1 value but y has 3,000/);
  });
});
