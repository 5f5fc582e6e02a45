import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { commands } from '../../commands/index.js';
import { readSlackConfig } from '../../src/adapters/slack/slack-config.js';
import { ConfigError } from '../../src/config.js';

describe('Slack set-up', () => {
  test('GIVEN the app manifest THEN it declares exactly the commands lossbot has, with the scopes the adapter uses', async () => {
    const manifest = await readFile(new URL('../../src/adapters/slack/manifest.yml', import.meta.url), 'utf8');
    assert.deepEqual([...manifest.matchAll(/- command: \/(\S+)/g)].map((m) => m[1]), commands.map((c) => c.name));
    // chat:write covers chat.postEphemeral; im:write and the Messages tab the direct-message fallback of a practice verdict.
    for (const scope of ['commands', 'chat:write', 'files:write', 'im:write']) assert.match(manifest, new RegExp(`- ${scope}\\n`));
    assert.match(manifest, /socket_mode_enabled: true/);
    assert.match(manifest, /interactivity:\n    is_enabled: true/, 'buttons and the answer modal need interactivity');
    assert.match(manifest, /messages_tab_enabled: true/);
  });

  test('GIVEN the environment THEN Socket Mode with an app token, HTTP mode with a signing secret, and errors that name the variable only', () => {
    assert.equal(readSlackConfig({}), undefined);
    assert.equal(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })?.mode, 'socket');
    assert.deepEqual(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' }), { mode: 'http', botToken: 'xoxb-1', signingSecret: 'secret-123456', port: 3000, apiUrl: undefined });
    assert.throws(() => readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }), (e: unknown) => e instanceof ConfigError && /SLACK_APP_TOKEN .* SLACK_SIGNING_SECRET/.test(e.message));
    assert.throws(() => readSlackConfig({ SLACK_APP_TOKEN: 'xapp-secret-value' }), (e: unknown) => e instanceof ConfigError && /SLACK_BOT_TOKEN/.test(e.message) && !e.message.includes('secret-value'));
    assert.throws(() => readSlackConfig({ SLACK_BOT_TOKEN: 'not-a-bot-token-value', SLACK_APP_TOKEN: 'xapp-1' }), (e: unknown) => e instanceof ConfigError && !e.message.includes('not-a-bot-token-value'));
  });
});
