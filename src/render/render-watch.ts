import type { RenderTask } from './render-worker.js';

/** What a render thread finished: a chart, an equation, or a whole command (file inputs). */
export type RenderedKind = 'chart' | 'equation' | 'command';
export type RenderListener = (kind: RenderedKind, ms: number, ok: boolean) => void;

/**
 * Nothing has ended for this long while work is in the threads: the service is stuck (work is
 * never terminated mid-way, render-queue.ts, so a hung picture holds its thread). Six times the
 * per-picture limit, so that a slow but moving pool, or a heavy file command, is not called stuck.
 */
export const STALLED_AFTER_MS = 60_000;

/**
 * Watches the work handed to the pool: times each (for the render-time metric) and keeps when one
 * last ended, which is the render service's health. The health probe asks this and never the
 * threads: a round trip every 10 s would keep an idle thread from retiring (render-pool.ts,
 * DEFAULT_IDLE_TIMEOUT_MS) or start one where none runs, ~130 MB each.
 */
export class RenderWatch {
  readonly #listener: RenderListener | undefined;
  readonly #now: () => number;
  #inThreads = 0;
  #lastProgress = 0;
  #closed = false;

  constructor(listener?: RenderListener, now: () => number = () => performance.now()) {
    this.#listener = listener;
    this.#now = now;
  }

  run<R>(task: RenderTask, run: (task: RenderTask) => Promise<R>): Promise<R> {
    const started = this.#now();
    if (this.#inThreads === 0) this.#lastProgress = started;
    this.#inThreads += 1;
    const ended = (ok: boolean) => {
      this.#inThreads -= 1;
      this.#lastProgress = this.#now();
      if (task.kind === 'warm-up' || !this.#listener) return;
      try {
        this.#listener(task.kind === 'tex' ? 'equation' : task.kind, this.#lastProgress - started, ok);
      } catch {
        // Counting must never cost a picture.
      }
    };
    return run(task).then(
      (value) => {
        ended(true);
        return value;
      },
      (error: unknown) => {
        ended(false);
        throw error;
      },
    );
  }

  close(): void {
    this.#closed = true;
  }

  /** "ok" when the service takes work and its threads are moving; otherwise why not. */
  health(): string {
    if (this.#closed) return 'closed';
    const still = this.#now() - this.#lastProgress;
    if (this.#inThreads > 0 && still > STALLED_AFTER_MS) return `stalled: no render finished in ${Math.round(still / 1000)} s with ${this.#inThreads} in the threads`;
    return 'ok';
  }
}
