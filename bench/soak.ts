import { driveCommands, loadBot } from './core-load.js';
import { mb, TreeRssSampler } from './process-tree-rss.js';

export interface SoakFigures {
  n: number;
  answered: number;
  /** The process tree's highest RSS while commands 801-1,000 were answered. */
  rssAfter1000Mb: number;
  /** The same over the last 200 commands. */
  rssEndMb: number;
  /** Per 1,000 commands, the highest RSS of each (the shape of any growth). */
  rssPer1000Mb: number[];
}

const WINDOW = 200;

/**
 * The load test's mix, `n` commands with `inFlight` outstanding, in one process: does RSS keep
 * climbing once every chart kind has been drawn many times over? Each window's figure is its
 * peak, since RSS under load rises and falls with every collection.
 */
export async function soak(n = 5000, inFlight = 50, chartThreads?: number): Promise<SoakFigures> {
  const bot = loadBot(n, inFlight, chartThreads);
  await bot.ready();
  const rss = new TreeRssSampler(process.pid);
  const windowPeaks: number[] = [];
  const thousandPeaks: number[] = [];
  let windowPeak = 0;
  let thousandPeak = 0;
  // The sampler's peak is reset per window: read it at every answer.
  const onAnswer = (done: number) => {
    const now = Math.max(rss.sample(), rss.peak);
    rss.peak = 0;
    windowPeak = Math.max(windowPeak, now);
    thousandPeak = Math.max(thousandPeak, now);
    if (done % WINDOW === 0) {
      windowPeaks[done / WINDOW - 1] = windowPeak;
      windowPeak = 0;
    }
    if (done % 1000 === 0) {
      thousandPeaks.push(thousandPeak);
      thousandPeak = 0;
    }
  };
  let answered: number;
  try {
    ({ answered } = await driveCommands(bot, n, inFlight, onAnswer));
  } finally {
    rss.stop();
    await bot.close();
  }
  return {
    n,
    answered,
    rssAfter1000Mb: mb(windowPeaks[1000 / WINDOW - 1] ?? 0),
    rssEndMb: mb(windowPeaks[Math.floor(n / WINDOW) - 1] ?? 0),
    rssPer1000Mb: thousandPeaks.map(mb),
  };
}
