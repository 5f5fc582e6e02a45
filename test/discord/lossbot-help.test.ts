import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { register } from '../../src/adapters/discord/register.js';
import { startDiscordHarness, TOKEN, type DiscordHarness } from './discord-harness.js';
import { APP_ID, GUILD_ID, type FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

let harness: DiscordHarness;
let fake: FakeDiscord;

interface HelpEdit {
  embeds: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string; inline?: boolean }> }>;
}

before(async () => {
  // Charts on, as in production: the help goes the normal way and simply has none to draw.
  harness = await startDiscordHarness({ charts: true, chartThreads: 1, limits: DEFAULT_LIMITS });
  ({ fake } = harness);
});

after(() => harness.stop());

describe('Discord: /lossbot help', () => {
  for (const [label, options] of [['no option', {}], ['topic:help', { topic: 'help' }]] as const) {
    test(`GIVEN /lossbot with ${label} THEN a deferral, then an edit whose embed lists every command with its example`, async () => {
      const interaction = slashCommand('lossbot', options);
      fake.dispatch('INTERACTION_CREATE', interaction);
      const callback = await fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));
      assert.equal((callback.json as { type: number }).type, 5);
      const edit = await fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
      const embed = (edit.json as HelpEdit).embeds[0];
      assert.equal(embed?.title, 'lossbot: every command');
      const fields = embed?.fields ?? [];
      for (const command of commands) {
        const field = fields.find((f) => f.name === `/${command.name}`);
        assert.ok(field, `a field for /${command.name}`);
        assert.ok(field.value.includes(`\`${command.examples[0]}\``), field.value);
        assert.equal(field.inline, false, 'one command per row, for a phone');
      }
      assert.match(fields.at(-1)?.value ?? '', /the README in the lossbot repository/);
      assert.deepEqual(edit.files, [], 'nothing to attach');
    });
  }

  test('GIVEN npm run register THEN /lossbot is registered with an optional topic whose choices are its topics, and the settings as optional choices', async () => {
    const message = await register({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: GUILD_ID });
    assert.match(message, new RegExp(`Registered ${commands.length} commands`));
    const put = await fake.request('PUT', new RegExp(`^/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    const lossbot = (put.json as Array<{ name: string; options: unknown[] }>).find((c) => c.name === 'lossbot');
    const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));
    assert.deepEqual(lossbot?.options, [
      { type: 3, name: 'topic', description: 'help (default); forget-me: delete what lossbot keeps about you; settings; about', required: false, choices: choices('help', 'forget-me', 'settings', 'about') },
      { type: 3, name: 'answers', description: 'With settings: public (default) or private, every answer shown to the asker alone', required: false, choices: choices('public', 'private') },
      { type: 3, name: 'base', description: 'With settings: the unit where a student gives no base=: e (nats, default), 2 (bits), 10', required: false, choices: choices('e', '2', '10') },
      { type: 3, name: 'theme', description: 'With settings: chart colours, dark or light (default: the platform\'s)', required: false, choices: choices('dark', 'light') },
      { type: 3, name: 'practice', description: 'With settings: on (default) or off, /practice and /answer turned off', required: false, choices: choices('on', 'off') },
      { type: 3, name: 'leaderboard', description: 'With settings: off (default) or on, /practice leaderboard for this server', required: false, choices: choices('off', 'on') },
      // Refused on Discord with where its own per-channel permissions are; registered all the same, as one declaration drives every platform.
      { type: 3, name: 'channels', description: 'With settings, Slack only: the channels lossbot answers in (names or ids), or all', required: false },
    ]);
  });
});
