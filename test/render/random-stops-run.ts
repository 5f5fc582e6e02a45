/**
 * Run by random-stops.test.ts in a process of its own, since a thread terminated inside
 * node-canvas aborts the whole process (SIGABRT) and would take the test runner with it.
 * `node --import tsx test/render/random-stops-run.ts <seed> <requests>`: requests of ordinary
 * charts, each stopped at a seeded random moment; prints one JSON line of what happened.
 */
import { entropyCharts, loglossCharts } from '../../src/charts/chart-sets.js';
import { RenderError, type ChartJob } from '../../src/core/render-jobs.js';
import { createRenderer } from '../../src/render/renderer.js';
import { fitInput, largeFitInput, largeInput, manyClassesInput, pointsInput } from '../charts/chart-fixtures.js';
import { mulberry32 } from '../loss/mulberry32.js';

const seed = Number(process.argv[2] ?? 1);
const requests = Number(process.argv[3] ?? 60);
/** Requests in flight at once: enough to keep both threads and the spares busy. */
const CONCURRENT = 4;
/**
 * Stops land anywhere from before a request's first chart starts to after its last one ends: a
 * request took 0.1-1 s here with four in flight on two threads.
 */
const LATEST_STOP_MS = 1_500;

/** Seconds inside text measuring: a raw spec, as no chart input can carry such a label any more. */
const slowTitle: ChartJob = {
  kind: 'slow',
  spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 100, height: 40, title: `a${'\u0301'.repeat(12_000)}`, data: { values: [{ a: 1 }] }, mark: 'point' },
  filename: 'slow.png',
  alt: '',
};

const answers: Array<[string, ChartJob[]]> = [
  ['/entropy, 60 classes', entropyCharts(manyClassesInput(60), 'dark')],
  ['/logloss, 5 points', loglossCharts(pointsInput(), 'dark')],
  ['/logloss x=, 10 points', loglossCharts(fitInput(), 'light')],
  ['/logloss, 1,000 points', loglossCharts(largeInput(1000), 'dark')],
  ['/logloss x=, 1,000 points', loglossCharts(largeFitInput(), 'light')],
];

const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

let lateEnded = 0;
const renderer = createRenderer({ threads: 2, timeoutMs: 60_000, onLateSettle: () => (lateEnded += 1) });
await renderer.ready();
const random = mulberry32(seed);
const outcomes = { resolved: 0, stopped: 0 };

async function oneRequest(i: number): Promise<void> {
  const [, jobs] = answers[Math.floor(random() * answers.length)] as [string, ChartJob[]];
  // Every tenth request also draws the slow title: a stop then nearly always lands inside pango.
  const all = i % 10 === 0 ? [...jobs, slowTitle] : jobs;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), random() * LATEST_STOP_MS);
  try {
    await renderer.renderCharts(all, stop.signal);
    outcomes.resolved += 1;
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    outcomes.stopped += 1;
  } finally {
    clearTimeout(timer);
  }
}

let next = 0;
const lanes = Array.from({ length: CONCURRENT }, async () => {
  while (next < requests) await oneRequest(next++);
});
await Promise.all(lanes);
const [after] = await renderer.renderCharts(loglossCharts(pointsInput(), 'dark').slice(0, 1));
await renderer.close();
process.stdout.write(`${JSON.stringify({ requests, ...outcomes, lateEnded, afterBytes: after?.png.length ?? 0, unhandled })}\n`);
