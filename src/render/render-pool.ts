import os from 'node:os';
import v8 from 'node:v8';
// Loaded here for its side effect: node-canvas's native library must stay loaded in the main
// thread, or unloading it when a worker thread exits crashes the process (SIGSEGV, node-canvas
// 3.2 on Node 20; reproduced with a bare Worker that draws one rectangle and exits).
import 'canvas';
import { Piscina } from 'piscina';
import type { RenderWorkerData } from './render-worker.js';
import { renderWorkerFile } from './worker-file.js';

const WORKER_YOUNG_GENERATION_MB = 12;
/**
 * After a full collection V8 lets a heap grow by a factor it picks from GC and mutator speed, up
 * to 4x the live size; on a busy 2-core host it picked the top of that range, so each render
 * worker's heap (~70 MB live) grew to 260 MB over 3,000 commands. At 2x, three interleaved load
 * runs (1,000 commands each) peaked at ~570 MB instead of ~660 MB for the same CPU time; 1.5x
 * saved 40 MB more for 11 % more CPU. Capping the old generation instead (resourceLimits) made
 * V8 collect far too often at every cap tried (160–224 MB: +50 % latency). The flag is
 * process-wide and read at every full collection.
 */
const HEAP_GROWING_PERCENT = 100;

/** One render thread per core unless CHART_THREADS says otherwise. */
export function defaultRenderThreads(): number {
  return Math.max(1, os.availableParallelism());
}

export interface RenderPoolOptions {
  threads: number;
  warmUp: boolean;
  scale: number;
}

/** The worker threads that draw: how many, how their heaps are sized, what they load. */
export function createRenderPool(options: RenderPoolOptions): Piscina {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return new Piscina({
    filename: renderWorkerFile(),
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: Infinity,
    // V8 gives each worker a 32 MB young generation by default; a render allocates in bursts that
    // a 12 MB one collects as cheaply (load test: same CPU time, ~50 MB less peak RSS over 2 workers).
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: { warmUp: options.warmUp, scale: options.scale } satisfies RenderWorkerData,
  });
}
