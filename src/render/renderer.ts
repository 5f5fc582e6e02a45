import type { Reply, ReplyImage } from '../core/reply.js';
import { RenderError, type ChartJob, type EquationJob, type Renderer } from '../core/render-jobs.js';
import { LruCache } from '../core/lru-cache.js';
import { createRenderPool, defaultRenderThreads } from './render-pool.js';
import type { RenderTask } from './render-worker.js';

/** ~40 KB an equation: 500 keep every topic's steps for many recent requests in ~20 MB. */
const EQUATION_CACHE_SIZE = 500;

export interface RendererOptions {
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
 * The render service: charts and equations drawn in one worker pool, so the main thread, which
 * keeps the Discord gateway heartbeat and the Slack socket alive, never waits on Vega, MathJax or
 * the PNG encoder.
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const threads = options.threads ?? defaultRenderThreads();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const scale = options.scale ?? 2;
  const pool = createRenderPool({ threads, warmUp: options.warmUp ?? false, scale });
  const runTask = async (task: RenderTask, filename: string, requestSignal?: AbortSignal): Promise<Uint8Array> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    // piscina terminates a worker whose task is aborted mid-run and starts a fresh one.
    const signal = requestSignal ? AbortSignal.any([abort.signal, requestSignal]) : abort.signal;
    try {
      return (await pool.run(task, { signal })) as Uint8Array;
    } catch (error) {
      if (requestSignal?.aborted) throw new RenderError(`The image "${filename}" was abandoned: the request ran out of time.`);
      if (abort.signal.aborted) throw new RenderError(`The image "${filename}" could not be drawn in time (${timeoutMs / 1000} s).`);
      throw new RenderError(`The image "${filename}" could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
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
    renderCharts: (jobs, signal) => Promise.all(jobs.map((job) => renderChart(job, signal))),
    runCommand: async (job, signal) => (await runTask({ kind: 'command', job, scale }, 'command', signal)) as unknown as Reply,
    renderEquations: (jobs, signal) => Promise.all(jobs.map((job) => renderEquation(job, signal))),
    // One tiny task per thread: each completes only after a worker has loaded (and warmed up).
    ready: async () => {
      await Promise.all(Array.from({ length: threads }, (_, i) => runTask({ kind: 'tex', lines: [`x_{${i}}`], theme: 'light', scale: 1 }, 'ready.png')));
    },
    close: () => pool.destroy(),
  };
}
