import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Canvas } from 'canvas';
import { View, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { loglossCharts } from '../charts/chart-sets.js';
import type { LoglossChartInput } from '../charts/chart-inputs.js';
import { createChartRenderer } from '../charts/renderer.js';
import { binaryCrossEntropy } from '../loss/index.js';
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

/** The chart every figure is measured on: /logloss y=1,0,1,1,0 p=0.9,0.2,0.7,0.05,0.95's loss curve. */
function benchInput(): LoglossChartInput {
  const y = Float64Array.from([1, 0, 1, 1, 0]);
  const bce = binaryCrossEntropy(y, Float64Array.from([0.9, 0.2, 0.7, 0.05, 0.95]));
  return { y, trueClassProb: bce.trueClassProb, perPoint: bce.perPoint, loss: bce.loss, unit: 'nats', logBase: Math.E };
}

const curveJob = () => loglossCharts(benchInput(), 'dark').find((job) => job.kind === 'loss-curve')!;

/** The path the issue measured: compile, parse, new View, toCanvas(2), node-canvas's PNG encoder. */
async function naiveRender(): Promise<Uint8Array> {
  const vega = compile(curveJob().spec as unknown as TopLevelSpec).spec as VegaSpec;
  const view = new View(parse(vega), { renderer: 'none' });
  const canvas = (await view.toCanvas(SCALE)) as unknown as Canvas;
  view.finalize();
  return canvas.toBuffer('image/png');
}

export async function benchCharts(): Promise<ChartBench> {
  const naive: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await naiveRender();
    if (i >= 3) naive.push(performance.now() - start);
  }
  const renderer = createChartRenderer({ scale: SCALE });
  try {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const start = performance.now();
      await renderer.render([curveJob()]);
      if (i >= 5) times.push(performance.now() - start);
    }
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const burstStart = performance.now();
    await Promise.all(Array.from({ length: 100 }, () => renderer.render([curveJob()])));
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
      perSec: round(100 / (burstMs / 1000)),
      mainLoopDelayP99Ms: round(delay.percentile(99) / 1e6),
    };
  } finally {
    await renderer.close();
  }
}
