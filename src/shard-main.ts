import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { readDiscordConfig } from './adapters/discord/discord-config.js';
import { readShardConfig } from './adapters/discord/shard-config.js';
import { builtFile } from './built-file.js';
import { ConfigError } from './config.js';

/**
 * `npm run start:sharded`: discord.js's own ShardingManager runs dist/main.mjs once per shard, each
 * a process with its own render pool. Discord requires sharding past 2,500 servers; DISCORD_SHARDS
 * sets the count ("auto" asks Discord). To spread shards over machines, run this on each machine
 * with DISCORD_SHARD_LIST (e.g. "0,1" here and "2,3" there) and the same DISCORD_SHARDS total.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readDiscordConfig();
  if (!config) throw new ConfigError('Set DISCORD_TOKEN to run the sharded Discord bot. See .env.example.');
  const shards = readShardConfig();
  // Each shard starts as npm start does: the built main.mjs, with source maps for its stacks.
  const manager = new ShardingManager(fileURLToPath(builtFile('main.mjs')), {
    token: config.token,
    totalShards: shards.totalShards,
    shardList: shards.shardList,
    execArgv: ['--enable-source-maps'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => process.stderr.write(`${JSON.stringify({ app: 'lossbot', msg: 'shard started', shard: shard.id })}\n`));
  // Each shard finishes its requests in flight (main.ts); the manager leaves when all have exited.
  const stop = () => {
    manager.respawn = false;
    const running = [...manager.shards.values()].filter((shard) => shard.process && shard.process.exitCode === null);
    if (running.length === 0) process.exit(0);
    let left = running.length;
    for (const shard of running) {
      shard.process?.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      shard.process?.kill('SIGTERM');
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await manager.spawn({ delay: shards.spawnDelayMs, timeout: 60_000 });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `sharding stopped: ${error instanceof Error ? error.stack : String(error)}`}\n`);
  process.exitCode = 1;
});
