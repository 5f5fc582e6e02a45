import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Canvas } from 'canvas';
import { View, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { loglossCharts } from '../src/charts/chart-sets.js';
import type { ChartJob } from '../src/core/render-jobs.js';
import { createRenderer } from '../src/render/renderer.js';
import { binaryCrossEntropy } from '../src/loss/index.js';
import { seededRandom } from '../src/practice/seeded-random.js';
import { median, percentile } from './timing.js';

export interface ChartBench {
  naiveMs: number;
  ms: number;
  p99Ms: number;
  ratio: number;
  perSec: number;
  mainLoopDelayP99Ms: number;
}

const SCALE = 2;
const NAIVE_RUNS = 25;
const POOL_RUNS = 100;
const WARMUP = 5;
const BURST = 100;

const Y = Float64Array.from([1, 0, 1, 1, 0]);
const P = [0.9, 0.2, 0.7, 0.05, 0.95];
const random = seededRandom(7);

/**
 * The chart every figure is measured on: /logloss y=1,0,1,1,0 p=0.9,0.2,0.7,0.05,0.95's loss
 * curve, with every p nudged by up to ±0.02 on each call. A new answer has new numbers, so a
 * render that only reuses an identical spec would not count; the pool's cache has to work on the
 * chart's structure.
 */
function curveJob(): ChartJob {
  const p = Float64Array.from(P, (v) => Math.min(0.99, Math.max(0.01, v + (random() - 0.5) * 0.04)));
  const bce = binaryCrossEntropy(Y, p);
  const jobs = loglossCharts({ y: Y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E }, 'dark');
  const job = jobs.find((j) => j.kind === 'loss-curve');
  if (!job) throw new Error('the bench chart is missing');
  return job;
}

/** The naive path, measured as a baseline: compile, parse, new View, toCanvas(2), node-canvas's PNG encoder. */
async function naiveRender(job: ChartJob): Promise<Uint8Array> {
  const vega = compile(job.spec as unknown as TopLevelSpec).spec as VegaSpec;
  const view = new View(parse(vega), { renderer: 'none' });
  const canvas = (await view.toCanvas(SCALE)) as unknown as Canvas;
  view.finalize();
  return canvas.toBuffer('image/png');
}

/** Naive and pooled medians in one run; then 100 charts at once for throughput and the main loop's delay. */
export async function benchCharts(): Promise<ChartBench> {
  const naive: number[] = [];
  for (let i = 0; i < NAIVE_RUNS + 3; i++) {
    const start = performance.now();
    await naiveRender(curveJob());
    if (i >= 3) naive.push(performance.now() - start);
  }
  const renderer = createRenderer({ scale: SCALE });
  try {
    const times: number[] = [];
    for (let i = 0; i < POOL_RUNS + WARMUP; i++) {
      const start = performance.now();
      await renderer.renderCharts([curveJob()]);
      if (i >= WARMUP) times.push(performance.now() - start);
    }
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const burstStart = performance.now();
    await Promise.all(Array.from({ length: BURST }, () => renderer.renderCharts([curveJob()])));
    const burstMs = performance.now() - burstStart;
    delay.disable();
    const naiveMs = median(naive);
    const ms = median(times);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      naiveMs: round(naiveMs),
      ms: round(ms),
      p99Ms: round(percentile(times, 99)),
      ratio: round(ms / naiveMs),
      perSec: round(BURST / (burstMs / 1000)),
      mainLoopDelayP99Ms: round(delay.percentile(99) / 1e6),
    };
  } finally {
    await renderer.close();
  }
}
