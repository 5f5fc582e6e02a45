import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { launchArgs, ROOT } from '../support/run-process.js';
import { FakeDiscord } from './fake-discord.js';
import { slashCommand } from './interactions.js';

let fake: FakeDiscord;

before(async () => {
  fake = await new FakeDiscord().start();
});
after(async () => {
  await fake.stop();
});

describe('npm run start:sharded (discord.js ShardingManager) against the fake Discord', () => {
  test('GIVEN 2 shards THEN both log in as [0,2] and [1,2], each answers an interaction, and SIGTERM stops all', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, launchArgs('src/shard-main.ts'), {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME,
        DISCORD_TOKEN: 'fake-token.for-tests.only-0123456789', DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: '2',
        SHARD_SPAWN_DELAY_MS: '100', CHART_THREADS: '1', LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = once(child, 'exit');
    try {
      await fake.identifiedCount(2);
      assert.deepEqual(fake.identified.map((i) => i.shard).sort(), [[0, 2], [1, 2]]);
      for (const shard of [0, 1]) {
        const interaction = slashCommand('entropy', { q: '0.3,0.7' });
        fake.dispatch('INTERACTION_CREATE', interaction, shard);
        const callback = await fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));
        assert.equal((callback.json as { type: number }).type, 5, `shard ${shard} acknowledged`);
        const edit = await fake.request('PATCH', new RegExp(`/webhooks/\\d+/${interaction.token}/messages/@original$`));
        assert.match(JSON.stringify(edit.json), /Entropy H\(q\): 0\.6109 nats/, `shard ${shard} answered`);
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    assert.doesNotMatch(stderr, /sharding stopped|Error:/, stderr);
  });
});
