import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver, type BlockButtonAction, type ViewSubmitAction } from '@slack/bolt';
import type { Lossbot } from '../../app.js';
import type { Logger } from '../../core/logger.js';
import { slackHttpCheck, slackSocketCheck } from '../../ops/health-checks.js';
import { OPS_PATHS, type OpsHandler } from '../../ops/health-server.js';
import type { RunningAdapter } from '../running-adapter.js';
import { boltLogger } from './bolt-logger.js';
import { PAGE_ACTION_PREFIX } from './derive-blocks.js';
import { handleCommand } from './handle-command.js';
import { handlePage } from './handle-page.js';
import { handleAnswerSubmission } from './practice-answer.js';
import { handleProblemButton } from './practice-buttons.js';
import { PROBLEM_ACTION_PREFIX } from './practice-blocks.js';
import { ANSWER_CALLBACK_ID } from './practice-modal.js';
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
  /** HTTP mode: /healthz and /metrics on Slack's own port, for the load balancer in front of it. */
  ops?: OpsHandler | undefined;
}

/**
 * The Slack app: Socket Mode (no public URL) or HTTP mode (`/slack/events`, signature checked by
 * Bolt, which rejects forged and replayed requests before any handler runs).
 */
export async function startSlack(options: SlackAdapterOptions): Promise<RunningAdapter & { port?: number; health(): string | Promise<string>; socket?: SocketModeReceiver['client'] }> {
  const { config, lossbot, logger } = options;
  const log = logger.child({ platform: 'slack' });
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retries === undefined ? {} : { retryConfig: { retries: options.retries } }),
  };
  const common = { token: config.botToken, clientOptions, logger: boltLogger(log), logLevel: LogLevel.WARN };
  // The Socket Mode receiver is made here, as Bolt would make it, so that its client's connection state reaches /healthz.
  const socket = config.mode === 'socket'
    ? new SocketModeReceiver({ appToken: config.appToken, logger: common.logger, logLevel: common.logLevel, installerOptions: { clientOptions } })
    : undefined;
  const ops = options.ops;
  const routes = ops ? OPS_PATHS.map((path) => ({ path, method: ['GET', 'HEAD'], handler: ops })) : [];
  const app = config.mode === 'socket'
    ? new App({ ...common, socketMode: true, receiver: socket })
    : new App({ ...common, receiver: createHttpReceiver(config.signingSecret, common.logger, log, routes) });
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
  app.action<BlockButtonAction>(new RegExp(`^${PROBLEM_ACTION_PREFIX}`), async (args) => {
    try {
      await handleProblemButton(args, lossbot, log);
    } catch (error) {
      const reply = lossbot.dispatcher.internalErrorReply('answer', error);
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: reply.summary }).catch(() => undefined);
    }
  });
  app.view<ViewSubmitAction>({ callback_id: ANSWER_CALLBACK_ID, type: 'view_submission' }, async (args) => {
    try {
      await handleAnswerSubmission(args, lossbot, log);
    } catch (error) {
      // The modal was acknowledged or not: either way the error is logged with a reference id.
      lossbot.dispatcher.internalErrorReply('answer', error);
    }
  });
  if (config.mode === 'socket') {
    await app.start();
    log.info({ mode: 'socket' }, 'slack ready (Socket Mode)');
    const client = (socket as SocketModeReceiver).client;
    return { name: 'slack', socket: client, health: slackSocketCheck(client), stop: () => app.stop() as Promise<void> };
  }
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits };
  const server = (await app.start({ port: config.port, host: options.host ?? '0.0.0.0' }, httpServerOptions(limits))) as Server;
  capConnections(server, limits);
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: 'http', port, path: '/slack/events' }, 'slack ready (HTTP mode)');
  return { name: 'slack', port, health: slackHttpCheck(server), stop: () => app.stop() as Promise<void> };
}
