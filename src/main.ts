import { existsSync } from 'node:fs';
import { commands } from '../commands/index.js';
import { createLossbot } from './app.js';
import { runConsole } from './adapters/cli/console.js';
import { readDiscordConfig } from './adapters/discord/discord-config.js';
import type { RunningAdapter } from './adapters/running-adapter.js';
import { readSlackConfig } from './adapters/slack/slack-config.js';
import { ConfigError, loadConfig } from './config.js';
import { readStoreConfig } from './store/store-config.js';
import { StoreProgress } from './store/store-progress.js';
import { StoreServer } from './store/store-server.js';
import { UsageCounter } from './store/usage-counter.js';
import { createLogger } from './core/logger.js';
import { Health, NOT_CONFIGURED } from './ops/health.js';
import { databaseCheck, discordCheck } from './ops/health-checks.js';
import { opsHandler, startHealthServer } from './ops/health-server.js';
import { Metrics } from './ops/metrics.js';
import { readOpsConfig } from './ops/ops-config.js';
import { keepAliveOnStrayErrors, onStopSignal } from './shutdown.js';

/**
 * `npm start`: every platform whose credentials are in the environment; with none, the local
 * console. SIGTERM/SIGINT stop it cleanly (shutdown.ts).
 */
async function main(): Promise<number> {
  // Node >= 20.12 reads a .env file itself; the file is optional and never committed.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const discord = readDiscordConfig();
  const slack = readSlackConfig();
  const storeConfig = readStoreConfig();
  const opsConfig = readOpsConfig();
  const logger = createLogger(config.logLevel);
  const platforms = discord !== undefined || slack !== undefined;
  // The console has no /metrics: no process collectors there.
  const metrics = new Metrics({ commands: commands.map((command) => command.name), processMetrics: platforms });
  // Practice progress: opened and migrated at start, beside the logins; a database that cannot be
  // used is logged and the bot runs without it (store-progress.ts).
  const progress = new StoreProgress(storeConfig, logger, Date.now, metrics.databaseFailed);
  // Server settings and usage counts live in the same database.
  const server = new StoreServer(() => progress.store(), Date.now, metrics.databaseFailed);
  const usage = new UsageCounter(() => progress.store(), logger);
  if (!platforms) {
    const bot = createLossbot({ logger, charts: true, chartThreads: config.chartThreads, limits: config.limits, progress, server, docsUrl: config.docsUrl });
    try {
      await runConsole(bot, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true, outDir: 'out' });
      return 0;
    } finally {
      await bot.close();
      await progress.close();
    }
  }
  const opened = progress.open();
  keepAliveOnStrayErrors(logger);
  const bot = createLossbot({
    logger, charts: true, chartThreads: config.chartThreads, renderHeap: config.renderHeap, limits: config.limits, warmUp: true, progress, server, docsUrl: config.docsUrl,
    onFinished: [metrics.requestFinished, usage.count], onRendered: metrics.rendered,
  });
  metrics.watchQueue(() => bot.load());
  // Served before the logins, so a probe sees 503 "logging in" rather than a refused connection.
  const health = new Health({ render: () => bot.renderHealth() ?? NOT_CONFIGURED, database: databaseCheck(progress) });
  if (discord) health.add('discord', () => 'logging in');
  if (slack) health.add('slack', () => 'logging in');
  const ops = opsHandler(health, metrics);
  const healthServer = opsConfig.port === undefined ? undefined : await startHealthServer(ops, opsConfig.port, opsConfig.host);
  if (healthServer) logger.info({ host: opsConfig.host, port: healthServer.port, paths: ['/healthz', '/metrics'] }, 'health and metrics are served');
  const adapters: RunningAdapter[] = [];
  const stopped = onStopSignal(bot, () => adapters, logger, config.drainMs, { draining: () => health.drain(), close: async () => healthServer?.close() });
  // Render threads start with the first picture and retire when idle (render-pool.ts), so the
  // bot logs in at once. Each platform's client library is loaded only when it is used: Bolt
  // holds ~34 MB and discord.js ~43 MB once imported (measured here), a cost a bot on one
  // platform need not carry for the other.
  // Under `npm run start:sharded` discord.js's ShardingManager sets SHARDS and SHARD_COUNT, and
  // the client reads them itself.
  try {
    if (discord) {
      const { startDiscord } = await import('./adapters/discord/start-discord.js');
      const started = await startDiscord({ config: discord, lossbot: bot, logger });
      health.add('discord', discordCheck(started.client));
      adapters.push(started);
    }
    if (slack) {
      const { startSlack } = await import('./adapters/slack/start-slack.js');
      // In HTTP mode without a HEALTH_PORT of their own, /healthz and /metrics share Slack's port.
      const started = await startSlack({ config: slack, lossbot: bot, logger, ops: slack.mode === 'http' && !healthServer ? ops : undefined });
      health.add('slack', started.health);
      adapters.push(started);
    }
  } catch (error) {
    // A login that fails ends the process: the health server must not hold it open.
    await healthServer?.close();
    throw error;
  }
  await opened;
  logger.info({ platforms: adapters.map((a) => a.name) }, 'lossbot is running; SIGTERM or Ctrl+C stops it');
  await stopped;
  await usage.flush();
  await progress.close();
  // Clients and pools are closed; a keep-alive socket left in an HTTP agent must not hold the
  // process past its shutdown (a supervisor waits for the exit).
  process.exit(0);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `lossbot stopped: ${error instanceof Error ? error.stack : String(error)}`}\n`);
    process.exitCode = 1;
  },
);
