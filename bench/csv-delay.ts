import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { createLossbot } from '../src/app.js';
import { DEFAULT_LIMITS } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
import type { Reply } from '../src/core/reply.js';
import { ok } from '../src/core/result.js';
import { seededRandom } from '../src/practice/seeded-random.js';

export interface CsvDelayFigures {
  files: number;
  rows: number;
  answered: number;
  /** The main thread's event-loop delay p99 while they are processed (what the gateway heartbeat and other askers wait). */
  mainLoopDelayP99Ms: number;
  wallMs: number;
}

function predictionsCsv(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const lines = ['y,p'];
  for (let i = 0; i < rows; i++) lines.push(`${random() < 0.5 ? 0 : 1},${random().toFixed(6)}`);
  return lines.join('\n');
}

/**
 * `files` uploads of a `rows`-row "y,p" CSV at once, through the bot as an adapter hands them
 * over (the request protocol, the default limits and render pool; only the download is replaced
 * by the text). Whichever thread parses and computes, this is what the main thread feels.
 */
export async function csvLoadDelay(files = 6, rows = 1_000_000): Promise<CsvDelayFigures> {
  const texts = Array.from({ length: files }, (_, i) => predictionsCsv(rows, 100 + i));
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const bot = createLossbot({ logger, charts: true, limits: DEFAULT_LIMITS, warmUp: true });
  try {
    await bot.ready();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const started = performance.now();
    delay.enable();
    const replies = await Promise.all(texts.map(async (text, i) => {
      let reply: Reply | undefined;
      const keep = async (answer: Reply) => {
        reply = answer;
      };
      await bot.serve(
        { platform: 'bench', userId: `u${i}`, channelId: `c${i}`, input: { line: '/logloss file=predictions.csv' }, theme: 'dark' },
        { reject: keep, acknowledge: async () => undefined, readFile: async () => ok(text), deliver: keep, apologize: keep },
      );
      return reply;
    }));
    delay.disable();
    const wallMs = performance.now() - started;
    const answered = replies.filter((r) => r?.ok && r.images.length > 0).length;
    return { files, rows, answered, mainLoopDelayP99Ms: Math.round((delay.percentile(99) / 1e6) * 10) / 10, wallMs: Math.round(wallMs) };
  } finally {
    await bot.close();
  }
}
