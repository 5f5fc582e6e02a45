import type { Lossbot } from './app.js';
import type { Logger } from './core/logger.js';
import type { RunningAdapter } from './adapters/running-adapter.js';

/**
 * The process never dies from one request: an unhandled rejection or a stray exception is logged
 * with its stack and the bot keeps answering.
 */
export function keepAliveOnStrayErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));
}

/** The health server: /healthz says "draining" (503) from the signal on, and closes last. */
export interface StopHooks {
  draining(): void;
  close(): Promise<void>;
}

/**
 * SIGTERM/SIGINT: refuse new requests, give those acknowledged `drainMs` to finish, tell the rest
 * that lossbot is restarting, then close the platform clients and the render pool and resolve so
 * the process exits 0. The clients stay connected until every acknowledged request is answered.
 */
export function onStopSignal(bot: Lossbot, adapters: () => readonly RunningAdapter[], logger: Logger, drainMs: number, hooks?: StopHooks): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping: finishing requests in flight');
      hooks?.draining();
      const report = await bot.drain(drainMs);
      if (!report.finished) logger.warn(report, `requests still running after ${drainMs / 1000} s were told lossbot is restarting`);
      for (const adapter of adapters()) {
        try {
          await adapter.stop();
        } catch (error) {
          logger.error({ err: error, adapter: adapter.name }, 'adapter did not stop cleanly');
        }
      }
      await bot.close();
      await hooks?.close().catch((error: unknown) => logger.error({ err: error }, 'the health server did not close cleanly'));
      logger.info(report, 'stopped');
      resolve();
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
