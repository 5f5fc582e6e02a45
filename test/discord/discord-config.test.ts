import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDiscordConfig } from '../../src/adapters/discord/discord-config.js';

const TOKEN = 'fake-token.for-tests.only-0123456789';

describe('readDiscordConfig: DISCORD_ATTACHMENT_ORIGIN', () => {
  test('GIVEN it is unset THEN the config has no attachment origin (Discord\'s hosts apply)', () => {
    assert.equal(readDiscordConfig({ DISCORD_TOKEN: TOKEN })?.attachmentOrigin, undefined);
  });

  test('GIVEN a URL THEN only its origin is kept', () => {
    assert.equal(readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_ATTACHMENT_ORIGIN: 'http://127.0.0.1:8080/files/' })?.attachmentOrigin, 'http://127.0.0.1:8080');
  });

  test('GIVEN something that is not an http(s) URL THEN start-up fails naming the variable, not the value', () => {
    for (const value of ['file:///etc/passwd', 'not a url']) {
      assert.throws(() => readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_ATTACHMENT_ORIGIN: value }), (error: Error) => {
        assert.match(error.message, /DISCORD_ATTACHMENT_ORIGIN: must be an http\(s\) origin/);
        assert.equal(error.message.includes(value), false);
        return true;
      });
    }
  });
});
