import { Writable } from 'node:stream';
import { startDiscord } from '../src/adapters/discord/start-discord.js';
import { createLossbot } from '../src/app.js';
import { DEFAULT_LIMITS, type RenderHeap } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
// The fake Discord is the e2e tests' harness; the load test drives the real adapter through it.
import { APP_ID, FakeDiscord } from '../test/discord/fake-discord.js';
import { slashCommand } from '../test/discord/interactions.js';
import { percentile } from './timing.js';

export interface DiscordLoadFigures {
  n: number;
  /** Interactions whose callback (deferral or answer) reached Discord within its 3 s. */
  acknowledgedIn3s: number;
  answered: number;
  ackP99Ms: number;
  answerP50Ms: number;
  answerP99Ms: number;
}

const LINES: Array<[string, Record<string, string>]> = [
  ['logloss', { y: '1,0,1,1,0', p: '0.9,0.2,0.7,0.05,0.95' }],
  ['entropy', { q: '0.3,0.7', p: '0.5,0.5' }],
  ['derive', { topic: 'gradient', y: '1,0', p: '0.8,0.3' }],
  ['logloss', { x: '-2.2,-1.4,-0.8,0.2,0.4,0.8,1.2,2.2,2.9,4.6', y: '0,0,1,0,1,1,1,1,1,1' }],
];

/**
 * `n` slash commands through the real discord.js client and adapter against the local fake, with
 * `inFlight` outstanding. Rate limits are opened wide: this measures capacity, not the limiter.
 */
export async function loadDiscord(n = 200, inFlight = 50, chartThreads?: number, renderHeap?: RenderHeap): Promise<DiscordLoadFigures> {
  const fake = await new FakeDiscord().start();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const limits = { ...DEFAULT_LIMITS, maxQueued: inFlight, user: { capacity: n, perMinute: 1e6 }, channel: { capacity: n, perMinute: 1e6 } };
  const bot = createLossbot({ logger, charts: true, limits, warmUp: true, chartThreads, ...(renderHeap ? { renderHeap } : {}) });
  await bot.ready();
  const adapter = await startDiscord({ config: { token: 'load-test-token.not-a-secret-0123456789', guildId: undefined, apiUrl: fake.apiUrl }, lossbot: bot, logger });
  const acks: number[] = [];
  const answers: number[] = [];
  let answered = 0;
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < n) {
      const [name, options] = LINES[next++ % LINES.length] as [string, Record<string, string>];
      const interaction = slashCommand(name, options);
      const started = performance.now();
      const callback = fake.request('POST', new RegExp(`^/api/v10/interactions/${interaction.id}/`));
      const edit = fake.request('PATCH', new RegExp(`^/api/v10/webhooks/${APP_ID}/${interaction.token}/messages/@original$`));
      fake.dispatch('INTERACTION_CREATE', interaction);
      const ack = await callback;
      acks.push(performance.now() - started);
      if ((ack.json as { type?: number }).type !== 5) continue; // refused or an error: acknowledged, not answered
      const body = (await edit).json as { embeds?: unknown[] };
      answers.push(performance.now() - started);
      if ((body.embeds ?? []).length > 0) answered++;
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, one));
  } finally {
    await adapter.stop();
    await bot.close();
    await fake.stop();
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    n,
    acknowledgedIn3s: acks.filter((ms) => ms <= 3000).length,
    answered,
    ackP99Ms: round(percentile(acks, 99)),
    answerP50Ms: round(percentile(answers, 50)),
    answerP99Ms: round(percentile(answers, 99)),
  };
}
