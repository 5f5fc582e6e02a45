import v8 from 'node:v8';
import os from 'node:os';
// Loaded here for its side effect: node-canvas's native library must stay loaded in the main
// thread, or unloading it when a worker thread exits crashes the process (SIGSEGV, node-canvas
// 3.2 on Node 20; reproduced with a bare Worker that draws one rectangle and exits).
import 'canvas';
import { Piscina } from 'piscina';
import type { ReplyImage } from '../core/reply.js';
import type { EquationJob } from '../tex/equation-job.js';
import type { ChartJob } from './chart-job.js';
import { LruCache } from '../core/lru-cache.js';
import type { RenderTask, RenderWorkerData } from './render-worker.js';
import { renderWorkerBundle } from './worker-bundle.js';

/** ~40 KB an equation: 500 keep every topic's steps for many recent requests in ~20 MB. */
const EQUATION_CACHE_SIZE = 500;
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

/** A chart could not be drawn; the message is meant for the user. */
export class ChartRenderError extends Error {
  override readonly name = 'ChartRenderError';
}

export interface ChartRenderer {
  /** `signal`: the request's own deadline; aborting it terminates the work in its worker. */
  render(jobs: readonly ChartJob[], signal?: AbortSignal): Promise<ReplyImage[]>;
  /** Resolves once every worker has started (and warmed up, if asked): await it before taking traffic. */
  ready(): Promise<void>;
  /** Typeset equations; a TeX error or a timeout rejects with ChartRenderError. */
  renderEquations(jobs: readonly EquationJob[], signal?: AbortSignal): Promise<ReplyImage[]>;
  close(): Promise<void>;
}

/** One render thread per core unless CHART_THREADS says otherwise. */
export function defaultRenderThreads(): number {
  return Math.max(1, os.availableParallelism());
}

export interface ChartRendererOptions {
  /** Worker threads; default the number of cores. */
  threads?: number;
  /** Per chart; a worker that overruns is terminated and replaced by the pool. */
  timeoutMs?: number;
  /** Device pixels per chart pixel: 2 keeps text sharp on high-density screens. */
  scale?: number;
  /** Draw every chart kind in each worker before taking work: for long-running bots. */
  warmUp?: boolean;
}

/**
 * Draws charts in a worker pool so the main thread, which keeps the Discord gateway heartbeat and
 * the Slack socket alive, never waits on Vega or the PNG encoder.
 */
export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const threads = options.threads ?? defaultRenderThreads();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const scale = options.scale ?? 2;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const pool = new Piscina({
    filename: (renderWorkerBundle() ?? new URL('./render-worker-entry.mjs', import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // V8 gives each worker a 32 MB young generation by default; a render allocates in bursts that
    // a 12 MB one collects as cheaply (load test: same CPU time, ~50 MB less peak RSS over 2 workers).
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: { warmUp: options.warmUp ?? false, scale } satisfies RenderWorkerData,
  });
  const runTask = async (task: RenderTask, filename: string, requestSignal?: AbortSignal): Promise<Uint8Array> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    // piscina terminates a worker whose task is aborted mid-run and starts a fresh one.
    const signal = requestSignal ? AbortSignal.any([abort.signal, requestSignal]) : abort.signal;
    try {
      return (await pool.run(task, { signal })) as Uint8Array;
    } catch (error) {
      if (requestSignal?.aborted) throw new ChartRenderError(`The image "${filename}" was abandoned: the request ran out of time.`);
      if (abort.signal.aborted) throw new ChartRenderError(`The image "${filename}" could not be drawn in time (${timeoutMs / 1000} s).`);
      throw new ChartRenderError(`The image "${filename}" could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const renderChart = async (job: ChartJob, signal?: AbortSignal): Promise<ReplyImage> => ({
    filename: job.filename,
    alt: job.alt,
    png: await runTask({ kind: 'chart', spec: job.spec, scale }, job.filename, signal),
  });
  // Paging through a derivation re-runs it on every click; its equations repeat, so keep them.
  const equations = new LruCache<string, Promise<Uint8Array>>(EQUATION_CACHE_SIZE);
  const renderEquation = async (job: EquationJob, signal?: AbortSignal): Promise<ReplyImage> => {
    const key = `${job.theme}\u0000${job.lines.join('\u0000')}`;
    let png = equations.get(key);
    if (!png) {
      png = runTask({ kind: 'tex', lines: job.lines, theme: job.theme, scale }, job.filename, signal);
      equations.set(key, png);
      png.catch(() => equations.delete(key));
    }
    return { filename: job.filename, alt: job.alt, png: await png };
  };
  return {
    render: (jobs, signal) => Promise.all(jobs.map((job) => renderChart(job, signal))),
    renderEquations: (jobs, signal) => Promise.all(jobs.map((job) => renderEquation(job, signal))),
    // One tiny task per thread: each completes only after a worker has loaded (and warmed up).
    ready: async () => {
      await Promise.all(Array.from({ length: threads }, (_, i) => runTask({ kind: 'tex', lines: [`x_{${i}}`], theme: 'light', scale: 1 }, 'ready.png')));
    },
    close: () => pool.destroy(),
  };
}
