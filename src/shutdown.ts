import type { Lossbot } from './app.js';
import type { Logger } from './core/logger.js';
import type { RunningAdapter } from './adapters/running-adapter.js';

/** Requests in flight get this long to finish after SIGTERM/SIGINT (issue 7). */
export const DRAIN_MS = 10_000;

/**
 * The process never dies from one request: an unhandled rejection or a stray exception is logged
 * with its stack and the bot keeps answering.
 */
export function keepAliveOnStrayErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
}

/**
 * SIGTERM/SIGINT: refuse new requests, let those in flight finish (up to DRAIN_MS), close the
 * platform clients and the render pool, then resolve so the process exits 0.
 */
export function onStopSignal(bot: Lossbot, adapters: () => readonly RunningAdapter[], logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal, load: bot.guard.load }, 'stopping: finishing requests in flight');
      const drained = await bot.guard.drain(DRAIN_MS);
      if (!drained) logger.warn({ load: bot.guard.load }, `requests still running after ${DRAIN_MS / 1000} s; stopping anyway`);
      for (const adapter of adapters()) {
        try {
          await adapter.stop();
        } catch (error) {
          logger.error({ err: error, adapter: adapter.name }, 'adapter did not stop cleanly');
        }
      }
      await bot.close();
      logger.info('stopped');
      resolve();
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
