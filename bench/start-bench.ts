import { setTimeout as sleep } from 'node:timers/promises';
import { FakeDiscord } from '../test/discord/fake-discord.js';
import { ask, startBot } from './bot-process.js';
import { mb, treeRss } from './process-tree-rss.js';
import { median } from './timing.js';

/** The first question a student asks: two charts, so the answer waits on a render thread. */
const FIRST: [string, Record<string, string>] = ['logloss', { y: '1,0,1', p: '0.9,0.2,0.7' }];
/** After the bot says it runs: long enough for start-up's last allocations and a collection. */
const SETTLE_MS = 3000;
const SAMPLES = 10;

/**
 * Milliseconds from spawning `npm start`'s entry (Discord pointed at the fake) to the first
 * answer: the command is sent as soon as the bot has identified on the gateway, as a student's
 * command would arrive, and the clock stops when the edited message with the answer arrives.
 */
export async function measureStartMs(): Promise<number> {
  const fake = await new FakeDiscord().start();
  const started = performance.now();
  const bot = startBot(fake);
  try {
    await Promise.race([fake.identifiedCount(1), bot.running.then(() => fake.identifiedCount(1))]);
    const answer = await ask(fake, ...FIRST);
    if (answer.embeds === 0) throw new Error('the first answer had no embed');
    return Math.round(performance.now() - started);
  } finally {
    await bot.stop();
    await fake.stop();
  }
}

/**
 * RSS of the whole process tree of a bot that started, connected to Discord and was asked
 * nothing: the median of ten samples over a second, `SETTLE_MS` after it logged that it runs.
 */
export async function measureIdleMb(): Promise<number> {
  const fake = await new FakeDiscord().start();
  const bot = startBot(fake);
  try {
    await bot.running;
    await sleep(SETTLE_MS);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      samples.push(treeRss(bot.pid));
      await sleep(1000 / SAMPLES);
    }
    return mb(median(samples));
  } finally {
    await bot.stop();
    await fake.stop();
  }
}
