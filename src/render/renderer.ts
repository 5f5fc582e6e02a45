import type { Reply, ReplyImage } from '../core/reply.js';
import { RenderError, type ChartJob, type EquationJob, type Renderer } from '../core/render-jobs.js';
import { LruCache } from '../core/lru-cache.js';
import { createRenderPool, defaultRenderThreads } from './render-pool.js';
import { RenderQueue, type RenderQueueOptions } from './render-queue.js';
import { RenderWatch, type RenderListener } from './render-watch.js';
import type { RenderTask } from './render-worker.js';
import { untilAborted } from './until-aborted.js';

/** ~40 KB an equation: 500 keep every topic's steps for many recent requests in ~20 MB. */
const EQUATION_CACHE_SIZE = 500;
/**
 * Threads the pool may add while abandoned tasks still hold threads. A timed-out /entropy answer
 * abandons up to two charts at once; two spares let the next answers start beside them.
 */
const SPARE_THREADS = 2;
/**
 * close() waits this long for the tasks still in their threads before the pool terminates them
 * (which may abort the process, see render-queue.ts). Bounded labels keep every chart far below
 * it: 24 classes with the heaviest labels the bounds allow drew in 0.1-0.2 s here.
 */
const CLOSE_GRACE_MS = 30_000;

export interface RendererOptions {
  /** Worker threads; default the number of cores. */
  threads?: number;
  /**
   * Per picture: past it the caller gets a RenderError at once; the task ends in its thread and
   * its picture is dropped.
   */
  timeoutMs?: number;
  /** Device pixels per chart pixel: 2 keeps text sharp on high-density screens. */
  scale?: number;
  /** Draw every chart kind in each worker before taking work: for long-running bots. */
  warmUp?: boolean;
  /** Hold the threads' heaps near their live size (render-pool.ts, V8_MEMORY_FLAGS): for a long-running bot on a small host. */
  compactHeap?: boolean;
  /** Threads beyond `threads` the pool may start while abandoned tasks run; default 2. */
  spareThreads?: number;
  /**
   * Start every thread now, not with the first picture: for the one-shot CLI, whose thread then
   * loads Vega and canvas while the main thread loads the rest of lossbot.
   */
  startNow?: boolean;
  /** An abandoned task has ended in its thread: how long it ran, and whether it failed. Must not throw. */
  onLateSettle?: RenderQueueOptions<RenderTask, unknown>['onLateSettle'];
  /** Each chart, equation or command a thread finished: how long it took there. Must not throw. */
  onRendered?: RenderListener;
}

/** The render service, and whether it answers (render-watch.ts: without a round trip to a thread). */
export type RenderService = Renderer & { health(): string };

/**
 * The render service: charts and equations drawn in one worker pool, so the main thread, which
 * keeps the Discord gateway heartbeat and the Slack socket alive, never waits on Vega, MathJax or
 * the PNG encoder. A picture that is no longer wanted (its request timed out or was abandoned at
 * shutdown, or it overran its own limit) is answered at once and left to finish in its thread: a
 * thread is never terminated mid-task (render-queue.ts says why).
 */
export function createRenderer(options: RendererOptions = {}): RenderService {
  const threads = options.threads ?? defaultRenderThreads();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const scale = options.scale ?? 2;
  const spareThreads = options.spareThreads ?? SPARE_THREADS;
  const pool = createRenderPool({ threads, warmUp: options.warmUp ?? false, compactHeap: options.compactHeap ?? false, scale, spareThreads, ...(options.startNow ? { minThreads: threads } : {}) });
  const watch = new RenderWatch(options.onRendered);
  const queue = new RenderQueue<RenderTask, unknown>({
    run: (task) => watch.run(task, (t) => pool.run(t)),
    threads,
    spareThreads,
    ...(options.onLateSettle ? { onLateSettle: options.onLateSettle } : {}),
  });
  /** `work`, given a signal that fires when the request is abandoned or the picture's time is up. */
  const withinLimits = async <T>(work: (stop: AbortSignal) => Promise<T>, filename: string, requestSignal?: AbortSignal): Promise<T> => {
    const abandoned = () => new RenderError(`The image "${filename}" was abandoned: the request ran out of time.`);
    if (requestSignal?.aborted) throw abandoned();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const stop = requestSignal ? AbortSignal.any([timeout.signal, requestSignal]) : timeout.signal;
    try {
      return await work(stop);
    } catch (error) {
      if (requestSignal?.aborted) throw abandoned();
      if (timeout.signal.aborted) throw new RenderError(`The image "${filename}" could not be drawn in time (${timeoutMs / 1000} s).`);
      throw new RenderError(`The image "${filename}" could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const runTask = (task: RenderTask, filename: string, signal?: AbortSignal): Promise<unknown> => withinLimits((stop) => queue.run(task, stop), filename, signal);
  const renderChart = async (job: ChartJob, signal?: AbortSignal): Promise<ReplyImage> => ({
    filename: job.filename,
    alt: job.alt,
    png: (await runTask({ kind: 'chart', spec: job.spec, scale }, job.filename, signal)) as Uint8Array,
  });
  // Paging through a derivation re-runs it on every click; its equations repeat, so keep them.
  // The cache holds the task itself, never one caller's wait for it: a request that gives up
  // does not take the picture from another that asks for the same equation.
  const equations = new LruCache<string, Promise<Uint8Array>>(EQUATION_CACHE_SIZE);
  const renderEquation = async (job: EquationJob, signal?: AbortSignal): Promise<ReplyImage> => {
    const key = `${job.theme}\u0000${job.lines.join('\u0000')}`;
    const png = await withinLimits((stop) => {
      let task = equations.get(key);
      if (!task) {
        const started = queue.run({ kind: 'tex', lines: job.lines, theme: job.theme, scale }) as Promise<Uint8Array>;
        task = started;
        equations.set(key, started);
        started.catch(() => {
          if (equations.get(key) === started) equations.delete(key);
        });
      }
      return untilAborted(task, stop);
    }, job.filename, signal);
    return { filename: job.filename, alt: job.alt, png };
  };
  const ready = async () => {
    await Promise.all(Array.from({ length: threads }, () => runTask({ kind: 'warm-up' }, 'ready.png')));
  };
  return {
    renderCharts: (jobs, signal) => Promise.all(jobs.map((job) => renderChart(job, signal))),
    runCommand: async (job, signal) => (await runTask({ kind: 'command', job, scale }, 'command', signal)) as unknown as Reply,
    renderEquations: (jobs, signal) => Promise.all(jobs.map((job) => renderEquation(job, signal))),
    // One tiny task per thread: each completes only after a worker has loaded (and warmed up).
    ready,
    health: () => watch.health(),
    // The pool is destroyed only once no task is left in a thread: terminating an idle thread is
    // safe. A thread started before it had a task may still be loading canvas, and terminating it
    // inside that native code could abort the process: close lets it finish loading first.
    close: async () => {
      watch.close();
      let timer: NodeJS.Timeout | undefined;
      const settled = async () => {
        if (options.startNow) await ready().catch(() => undefined);
        await queue.close();
      };
      await Promise.race([settled(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
      clearTimeout(timer);
      await pool.destroy();
    },
  };
}
