import { Writable } from 'node:stream';
import { createLossbot, type Lossbot } from '../src/app.js';
import { defaultRenderThreads } from '../src/render/render-pool.js';
import { DEFAULT_LIMITS, type RenderHeap } from '../src/config.js';
import { createLogger } from '../src/core/logger.js';
import type { Reply } from '../src/core/reply.js';
import { mb, TreeRssSampler } from './process-tree-rss.js';
import { seededRandom } from '../src/practice/seeded-random.js';
import { percentile } from './timing.js';

export interface LoadFigures {
  n: number;
  answered: number;
  p50Ms: number;
  p99Ms: number;
  /** The whole process tree's peak RSS (worker threads are in-process). */
  peakRssMb: number;
  /** Render worker threads at most (CHART_THREADS, else one per core). */
  renderThreads: number;
  /** Replies that were not a full answer, by error code (empty when all answered). */
  unanswered: Record<string, number>;
}

/** A mix of what a course channel types, with fresh numbers each time so no cache is hit twice. */
export function commandLine(random: () => number, i: number): string {
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

/** A bot as the load tests run it: silent, rate limits opened wide, a queue that holds every request in flight. */
export function loadBot(n: number, inFlight: number, chartThreads?: number, renderHeap?: RenderHeap): Lossbot {
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const limits = { ...DEFAULT_LIMITS, maxQueued: inFlight, user: { capacity: n, perMinute: 1e6 }, channel: { capacity: n, perMinute: 1e6 } };
  return createLossbot({ logger, charts: true, limits, warmUp: true, chartThreads, ...(renderHeap ? { renderHeap } : {}) });
}

export interface Driven {
  latencies: number[];
  answered: number;
  unanswered: Record<string, number>;
}

/**
 * `n` commands through the core's request protocol with `inFlight` outstanding at a time, as a
 * busy server would send them. Latency runs from admission to the finished Reply (PNG bytes
 * included). `onAnswer` hears the count of replies so far.
 */
export async function driveCommands(bot: Lossbot, n: number, inFlight: number, onAnswer: (done: number) => void = () => undefined): Promise<Driven> {
  const random = seededRandom(2026);
  const latencies: number[] = [];
  let answered = 0;
  const unanswered: Record<string, number> = {};
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
      onAnswer(latencies.length);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, answered, unanswered };
}

/**
 * `n` commands with `inFlight` outstanding, after the pool is up (main.ts starts taking traffic
 * then too; start-up is measured by `startMs`). RSS is the process tree's, sampled every 20 ms.
 */
export async function loadCore(n = 1000, inFlight = 50, chartThreads?: number, renderHeap?: RenderHeap): Promise<LoadFigures> {
  const bot = loadBot(n, inFlight, chartThreads, renderHeap);
  await bot.ready();
  const rss = new TreeRssSampler(process.pid);
  let driven: Driven;
  try {
    driven = await driveCommands(bot, n, inFlight);
  } finally {
    rss.stop();
    await bot.close();
  }
  const { latencies, answered, unanswered } = driven;
  return { n, answered, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), peakRssMb: mb(rss.peak), renderThreads: chartThreads ?? defaultRenderThreads(), unanswered };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
