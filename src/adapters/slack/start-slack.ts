import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type BlockButtonAction } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import type { RunningAdapter } from '../running-adapter.js';
import { boltLogger } from './bolt-logger.js';
import { PAGE_ACTION_PREFIX } from './derive-blocks.js';
import { handleCommand } from './handle-command.js';
import { handlePage } from './handle-page.js';
import { capConnections, DEFAULT_HTTP_LIMITS, httpServerOptions, type HttpLimits } from './http-limits.js';
import { createHttpReceiver } from './http-receiver.js';
import type { SlackConfig } from './slack-config.js';

export interface SlackAdapterOptions {
  config: SlackConfig;
  lossbot: Lossbot;
  logger: Logger;
  /** Tests bind HTTP mode to 127.0.0.1 on a free port; production listens on PORT. */
  host?: string;
  /** Tests turn Web API retries off; production keeps the client's retries. */
  retries?: number;
  /** HTTP mode only; tests shorten the timeouts to milliseconds. Unset fields: DEFAULT_HTTP_LIMITS. */
  httpLimits?: Partial<HttpLimits> | undefined;
}

/**
 * The Slack app: Socket Mode (no public URL) or HTTP mode (`/slack/events`, signature checked by
 * Bolt, which rejects forged and replayed requests before any handler runs).
 */
export async function startSlack(options: SlackAdapterOptions): Promise<RunningAdapter & { port?: number }> {
  const { config, lossbot, logger } = options;
  const log = logger.child({ platform: 'slack' });
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retries === undefined ? {} : { retryConfig: { retries: options.retries } }),
  };
  const common = { token: config.botToken, clientOptions, logger: boltLogger(log), logLevel: LogLevel.WARN };
  const app = config.mode === 'socket'
    ? new App({ ...common, socketMode: true, appToken: config.appToken })
    : new App({ ...common, receiver: createHttpReceiver(config.signingSecret, common.logger, log) });
  app.error(async (error) => {
    log.error({ err: error }, 'slack handler error');
  });
  for (const name of lossbot.dispatcher.registry.names()) {
    app.command(`/${name}`, async (args) => {
      try {
        await handleCommand(args, lossbot, log, config.adminUsers);
      } catch (error) {
        // Logged with its stack and a reference id; the user gets a short apology.
        const reply = lossbot.dispatcher.internalErrorReply(name, error);
        await args.respond({ response_type: 'ephemeral', text: reply.summary }).catch(() => undefined);
      }
    });
  }
  app.action<BlockButtonAction>(new RegExp(`^${PAGE_ACTION_PREFIX}`), async (args) => {
    try {
      await handlePage(args, lossbot);
    } catch (error) {
      const reply = lossbot.dispatcher.internalErrorReply('derive', error);
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: reply.summary }).catch(() => undefined);
    }
  });
  if (config.mode === 'socket') {
    await app.start();
    log.info({ mode: 'socket' }, 'slack ready (Socket Mode)');
    return { name: 'slack', stop: () => app.stop() as Promise<void> };
  }
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits };
  const server = (await app.start({ port: config.port, host: options.host ?? '0.0.0.0' }, httpServerOptions(limits))) as Server;
  capConnections(server, limits);
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: 'http', port, path: '/slack/events' }, 'slack ready (HTTP mode)');
  return { name: 'slack', port, stop: () => app.stop() as Promise<void> };
}
