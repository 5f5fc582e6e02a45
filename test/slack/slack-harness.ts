import { Writable } from 'node:stream';
import { createLossbot, type Lossbot, type LossbotOptions } from '../../src/app.js';
import { startSlack } from '../../src/adapters/slack/start-slack.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './signed-request.js';

export interface SlackHarness {
  fake: FakeSlack;
  bot: Lossbot;
  /** Where the app listens in HTTP mode, on 127.0.0.1. */
  port: number;
  stop(): Promise<void>;
}

/** The real Bolt app in HTTP mode against a fake Slack, with charts drawn by one render thread. */
export async function startSlackHarness(limits?: LossbotOptions['limits'], progress?: LossbotOptions['progress']): Promise<SlackHarness> {
  const fake = await new FakeSlack().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const bot = createLossbot({ logger, charts: true, chartThreads: 1, ...(limits ? { limits } : {}), ...(progress ? { progress } : {}) });
  const http = await startSlack({ config: { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl }, lossbot: bot, logger, host: '127.0.0.1', retries: 0 });
  return {
    fake,
    bot,
    port: http.port ?? 0,
    stop: async () => {
      await http.stop();
      await bot.close();
      await fake.stop();
    },
  };
}
