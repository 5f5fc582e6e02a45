import { createRequire } from 'node:module';
import os from 'node:os';
import v8 from 'node:v8';
import { Piscina } from 'piscina';
import type { RenderWorkerData } from './render-worker.js';
import { createWarmUpControl, stopWarmUp, type WarmUpControl } from './warm-up-control.js';
import { renderWorkerFile } from './worker-file.js';

const WORKER_YOUNG_GENERATION_MB = 12;
/**
 * V8's heap sizing for a small host. After a full collection V8 lets a heap grow by a factor it
 * picks from GC and mutator speed, up to 4x the live size: on a busy 2-core host each render
 * thread's heap (~45 MB live, mostly Vega's and MathJax's own code and tables) was allowed
 * ~110 MB, and the committed size only ever ratcheted up under load. These flags hold it near the
 * live size: `--optimize-for-size` makes V8 collect and compact with memory in mind, and
 * `--heap-growing-percent=50` lets a heap grow to 1.5x its live size. Load test (1,000 commands,
 * 50 in flight, 2 threads), runs interleaved here: peak RSS 364–372 MB against 514–537 MB at 2x
 * and 427–451 MB with `--optimize-for-size` alone, for ~15 % more CPU (p50 1.02–1.12 s against
 * 0.74–0.98 s on a shared host). Capping the old generation instead (resourceLimits) made V8
 * collect far too often at every cap tried (160–224 MB: +50 % latency). Both flags are
 * process-wide and read at every collection. They are set for a long-running bot only, unless
 * RENDER_HEAP=fast (a host with memory to spare buys latency back): the one-shot CLI exits long
 * before a heap could grow, and with them its chart took ~0.1 s longer (~1.0 s against ~0.9 s).
 */
const V8_MEMORY_FLAGS = ['--optimize-for-size', '--heap-growing-percent=50'];

/**
 * How long a render thread may sit idle before it retires. A warm thread holds ~130 MB; a bot on
 * a small host is idle most of the day, and starting a thread again costs its next user ~0.5 s.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** One render thread per core unless CHART_THREADS says otherwise. */
export function defaultRenderThreads(): number {
  return Math.max(1, os.availableParallelism());
}

export interface RenderPoolOptions {
  /** Threads at most, started on demand (CHART_THREADS, else one per core). */
  threads: number;
  /** Threads the pool may add beyond `threads` while tasks nobody waits for any more finish. */
  spareThreads?: number;
  /** Threads kept however long they idle (default 0: none until the first picture). */
  minThreads?: number;
  /** Idle milliseconds before a thread above `minThreads` retires (default DEFAULT_IDLE_TIMEOUT_MS). */
  idleTimeoutMs?: number;
  /** Threads warm up when idle (a long-running bot). */
  warmUp: boolean;
  /** Set V8_MEMORY_FLAGS (process-wide): heaps held near their live size, for a small host. */
  compactHeap: boolean;
  scale: number;
}

/**
 * node-canvas's native library must be loaded in the main thread before a render thread exits,
 * or unloading it with the thread crashes the process (SIGSEGV, node-canvas 3.2 on Node 20;
 * reproduced with a bare Worker that draws one rectangle and exits). Threads retire when idle,
 * so this matters; it is loaded with the first task rather than at start, which keeps its
 * ~13 MB off a bot that has drawn nothing yet.
 */
let canvasKept = false;
function keepCanvasLoaded(): void {
  if (canvasKept) return;
  createRequire(import.meta.url)('canvas');
  canvasKept = true;
}

/** A warm-up step takes ~10 ms, ~0.2 s on a cold thread: waiting this long at shutdown covers it. */
const WARM_UP_STEP_GRACE_MS = 2_000;

/**
 * piscina with two hooks: canvas loaded in the main thread before the first thread starts, and
 * no thread terminated by `destroy` in the middle of a warm-up step.
 */
class RenderPool extends Piscina {
  readonly #warmUp: WarmUpControl;

  constructor(options: ConstructorParameters<typeof Piscina>[0] & { workerData: RenderWorkerData & { warmUpControl: WarmUpControl } }) {
    super(options);
    this.#warmUp = options.workerData.warmUpControl;
  }

  override run(...args: Parameters<Piscina['run']>): ReturnType<Piscina['run']> {
    keepCanvasLoaded();
    return super.run(...args);
  }

  override async destroy(): Promise<void> {
    await stopWarmUp(this.#warmUp, WARM_UP_STEP_GRACE_MS);
    await super.destroy();
  }
}

/** The worker threads that draw: how many, when they start and retire, how their heaps are sized, what they load. */
export function createRenderPool(options: RenderPoolOptions): Piscina {
  if (options.compactHeap) for (const flag of V8_MEMORY_FLAGS) v8.setFlagsFromString(flag);
  const maxThreads = options.threads + (options.spareThreads ?? 0);
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return new RenderPool({
    filename: renderWorkerFile(),
    minThreads: Math.min(options.minThreads ?? 0, maxThreads),
    maxThreads,
    idleTimeout: idleTimeoutMs,
    // With atomics a worker waiting for a task blocks its event loop in Atomics.wait, which would
    // freeze the warm-up it does between tasks (render-worker.ts); a message per task costs
    // microseconds against a chart's ~10 ms.
    useAtomics: false,
    // V8 gives each worker a 32 MB young generation by default; a render allocates in bursts that
    // a 12 MB one collects as cheaply (load test: same CPU time, ~50 MB less peak RSS over 2 workers).
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    workerData: { warmUp: options.warmUp, scale: options.scale, idleTimeoutMs, warmUpControl: createWarmUpControl() },
  });
}
