import { Writable } from 'node:stream';
import { createLossbot } from '../src/app.js';
import { defaultRenderThreads } from '../src/render/render-pool.js';
import { DEFAULT_LIMITS } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
import type { Reply } from '../src/core/reply.js';
import { seededRandom } from './seeded-random.js';
import { percentile } from './timing.js';

export interface LoadFigures {
  n: number;
  answered: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /** Render worker threads (CHART_THREADS, else one per core). */
  renderThreads: number;
  /** Replies that were not a full answer, by error code (empty when all answered). */
  unanswered: Record<string, number>;
}

/** A mix of what a course channel types, with fresh numbers each time so no cache is hit twice. */
function commandLine(random: () => number, i: number): string {
  const points = 3 + Math.floor(random() * 8);
  const y = Array.from({ length: points }, () => (random() < 0.5 ? 1 : 0));
  const p = Array.from({ length: points }, () => (0.02 + 0.96 * random()).toFixed(3));
  switch (i % 5) {
    case 0:
    case 1:
      return `/logloss y=${y.join(',')} p=${p.join(',')}`;
    case 2:
      return `/entropy q=${p.slice(0, 3).join(',')} p=${[random(), random(), random()].map((v) => (0.05 + 0.9 * v).toFixed(3)).join(',')}`;
    case 3:
      return `/logloss y=${[...y, 1, 0].join(',')} x=${Array.from({ length: points + 2 }, () => (random() * 6 - 3).toFixed(2)).join(',')}`;
    default:
      return `/derive topic=${['bce', 'gradient', 'mse'][i % 3]} y=${y.slice(0, 2).join(',')} p=${p.slice(0, 2).join(',')}`;
  }
}

/**
 * `n` commands through the core's request protocol and the render pool with `inFlight` outstanding at a
 * time, as a busy server would send them. Latency runs from admission to the finished Reply
 * (PNG bytes included). RSS is sampled every 20 ms; worker threads share the process's RSS.
 */
export async function loadCore(n = 1000, inFlight = 50, chartThreads?: number): Promise<LoadFigures> {
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  // The queue must hold every request in flight; the limits under test are speed and memory.
  const limits = { ...DEFAULT_LIMITS, maxQueued: inFlight, user: { capacity: n, perMinute: 1e6 }, channel: { capacity: n, perMinute: 1e6 } };
  const bot = createLossbot({ logger, charts: true, limits, warmUp: true, chartThreads });
  // A bot takes traffic after its pool is up (main.ts); start-up is not what this measures.
  await bot.ready();
  const random = seededRandom(2026);
  const latencies: number[] = [];
  let answered = 0;
  const unanswered: Record<string, number> = {};
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const line = commandLine(random, i);
      const started = performance.now();
      let reply: Reply | undefined;
      const keep = async (answer: Reply) => {
        reply = answer;
      };
      // What the Discord adapter asks for: dark charts, and a derivation opens on its first step.
      await bot.serve(
        { platform: 'load', userId: `u${i % 200}`, channelId: `c${i % 10}`, input: { line }, theme: 'dark', showStep: 0 },
        { reject: keep, acknowledge: async () => undefined, deliver: keep, apologize: keep },
      );
      if (!reply) continue;
      latencies.push(performance.now() - started);
      if (reply.ok && reply.images.length > 0) answered++;
      else {
        const reason = reply.ok ? 'no-images' : (reply.error?.code ?? 'error');
        unanswered[reason] = (unanswered[reason] ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, worker));
  } finally {
    clearInterval(sampler);
    await bot.close();
  }
  return { n, answered, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), peakRssMb: Math.round(peakRss / 2 ** 20), renderThreads: chartThreads ?? defaultRenderThreads(), unanswered };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
