import { Writable } from 'node:stream';
import { createLossbot, type Lossbot, type LossbotOptions } from '../../src/app.js';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeDiscord } from './fake-discord.js';

export const TOKEN = 'fake-token.for-tests.only-0123456789';

export interface DiscordHarness {
  fake: FakeDiscord;
  bot: Lossbot;
  stop(): Promise<void>;
}

/** The real discord.js client against a fake Discord that also serves the attachments. */
export async function startDiscordHarness(options: Omit<LossbotOptions, 'logger'>): Promise<DiscordHarness> {
  const fake = await new FakeDiscord().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const bot = createLossbot({ logger, ...options });
  const adapter = await startDiscord({ config: { token: TOKEN, guildId: undefined, apiUrl: fake.apiUrl, attachmentOrigin: `http://127.0.0.1:${fake.port}` }, lossbot: bot, logger, restRetries: 0 });
  return {
    fake,
    bot,
    stop: async () => {
      await adapter.stop();
      await bot.close();
      await fake.stop();
    },
  };
}
