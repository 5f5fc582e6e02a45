import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readShardConfig } from '../../src/adapters/discord/shard-config.js';
import { ConfigError } from '../../src/config.js';

/** The ConfigError's message, failing the test if readShardConfig accepted the environment. */
function rejection(env: NodeJS.ProcessEnv): string {
  try {
    readShardConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('readShardConfig', () => {
  test('GIVEN no shard variables THEN Discord picks the count, this process runs every shard, and shards start 5.5 s apart', () => {
    assert.deepEqual(readShardConfig({}), { totalShards: 'auto', shardList: 'auto', spawnDelayMs: 5_500 });
  });

  test('GIVEN every variable set to the empty string THEN each counts as unset', () => {
    assert.deepEqual(readShardConfig({ DISCORD_SHARDS: '', DISCORD_SHARD_LIST: '', SHARD_SPAWN_DELAY_MS: '' }), {
      totalShards: 'auto',
      shardList: 'auto',
      spawnDelayMs: 5_500,
    });
  });

  test('GIVEN 4 shards, this machine running 2 and 3, and no delay THEN those are the settings', () => {
    assert.deepEqual(readShardConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: '2, 3', SHARD_SPAWN_DELAY_MS: '0' }), {
      totalShards: 4,
      shardList: [2, 3],
      spawnDelayMs: 0,
    });
  });

  test('GIVEN DISCORD_SHARDS=auto with a shard list THEN the list stands and the count is left to Discord', () => {
    assert.deepEqual(readShardConfig({ DISCORD_SHARDS: 'auto', DISCORD_SHARD_LIST: '0,1' }), { totalShards: 'auto', shardList: [0, 1], spawnDelayMs: 5_500 });
  });

  test('GIVEN a DISCORD_SHARDS that is not a positive whole number THEN the error names it and what it takes', () => {
    for (const value of ['0', '-2', '1.5', 'two', 'AUTO', '1e2', ' 2']) {
      assert.match(rejection({ DISCORD_SHARDS: value }), /DISCORD_SHARDS: must be a positive whole number or "auto"/, value);
    }
  });

  test('GIVEN a DISCORD_SHARD_LIST that is not shard ids separated by commas THEN the error names it and what it takes', () => {
    for (const value of ['-1', '0,,1', '0;1', '1.5', 'a,b', '0,']) {
      assert.match(rejection({ DISCORD_SHARD_LIST: value }), /DISCORD_SHARD_LIST: must be shard ids \(whole numbers from 0\) separated by commas/, value);
    }
  });

  test('GIVEN a shard id twice THEN DISCORD_SHARD_LIST is rejected', () => {
    assert.match(rejection({ DISCORD_SHARD_LIST: '0,1,0' }), /DISCORD_SHARD_LIST: must not name a shard id twice/);
  });

  test('GIVEN 2 shards and a list naming shard 2 THEN the error says ids count from 0 and stay below DISCORD_SHARDS', () => {
    assert.match(rejection({ DISCORD_SHARDS: '2', DISCORD_SHARD_LIST: '1,2' }), /DISCORD_SHARD_LIST: must name shard ids below DISCORD_SHARDS \(they count from 0\)/);
    assert.deepEqual(readShardConfig({ DISCORD_SHARDS: '2', DISCORD_SHARD_LIST: '0,1' }).shardList, [0, 1]);
  });

  test('GIVEN a SHARD_SPAWN_DELAY_MS outside 0..120000 whole milliseconds THEN the error names it and the range', () => {
    for (const value of ['-1', '120001', '5.5', '5s', '1e3']) {
      assert.match(rejection({ SHARD_SPAWN_DELAY_MS: value }), /SHARD_SPAWN_DELAY_MS: must be a whole number of milliseconds from 0 to 120000/, value);
    }
    assert.equal(readShardConfig({ SHARD_SPAWN_DELAY_MS: '120000' }).spawnDelayMs, 120_000);
  });

  test('GIVEN several bad variables THEN one error names each of them and none of their values', () => {
    const message = rejection({ DISCORD_SHARDS: 'zzq-shards', DISCORD_SHARD_LIST: 'zzq-list', SHARD_SPAWN_DELAY_MS: 'zzq-delay' });
    assert.match(message, /DISCORD_SHARDS: .*DISCORD_SHARD_LIST: .*SHARD_SPAWN_DELAY_MS: .*See \.env\.example\.$/);
    assert.doesNotMatch(message, /zzq/);
  });
});
