/**
 * The render pool's waiting line, kept here rather than in piscina. piscina stops an aborted task
 * by terminating its thread, and a thread terminated inside node-canvas takes the whole process
 * down (`FATAL ERROR: Error::ThrowAsJavaScriptException napi_throw`, SIGABRT: no handler runs).
 * Ordinary 60-class charts stopped at random did that about once in 130 stops; a chart stopped
 * while pango measured a long label, every time. So a task, once handed to piscina, always runs
 * to its end; a stopped caller is answered at once and the result is dropped. A task still
 * waiting here is simply taken out of the line.
 */

export interface RenderQueueOptions<T, R> {
  /** Hands a task to the pool; never given a signal, so the pool never terminates a thread mid-task. */
  run(task: T): Promise<R>;
  threads: number;
  /**
   * Threads the pool may add while tasks nobody waits for still run, so that other users' work
   * starts without waiting behind them.
   */
  spareThreads: number;
  /** A task whose caller stopped waiting has ended: how long it ran, and whether it failed. */
  onLateSettle?: (info: { ms: number; ok: boolean }) => void;
}

/** The queue is closing: it takes no new task, and refuses those still waiting. */
export class QueueClosedError extends Error {
  override readonly name = 'QueueClosedError';
}

interface Entry<T, R> {
  task: T;
  resolve(value: R): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  state: 'waiting' | 'running' | 'abandoned';
}

export class RenderQueue<T, R> {
  readonly #options: RenderQueueOptions<T, R>;
  readonly #waiting = new Set<Entry<T, R>>();
  #running = 0;
  #abandoned = 0;
  #closed = false;
  readonly #idle: Array<() => void> = [];

  constructor(options: RenderQueueOptions<T, R>) {
    this.#options = options;
  }

  /**
   * Runs `task` when a thread is free. When `signal` fires, the promise rejects with its reason at
   * once; a task already handed to the pool finishes in its thread and its result is dropped.
   */
  run(task: T, signal?: AbortSignal): Promise<R> {
    if (this.#closed) return Promise.reject(new QueueClosedError('the render service is closing'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<R>((resolve, reject) => {
      const entry: Entry<T, R> = { task, resolve, reject, signal, onAbort: () => this.#stop(entry), state: 'waiting' };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.#waiting.add(entry);
      this.#pump();
    });
  }

  /** Tasks handed to the pool that have not ended, whether or not anyone still waits for them. */
  get inFlight(): number {
    return this.#running + this.#abandoned;
  }

  /**
   * No new work; what waits is refused; resolves when every task handed to the pool has ended, so
   * that destroying the pool afterwards terminates only idle threads.
   */
  close(): Promise<void> {
    this.#closed = true;
    for (const entry of this.#waiting) this.#finish(entry, () => entry.reject(new QueueClosedError('the render service is closing')));
    this.#waiting.clear();
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Spare threads only while abandoned tasks hold threads: the pool shrinks back when they end. */
  #capacity(): number {
    return this.#options.threads + Math.min(this.#abandoned, this.#options.spareThreads);
  }

  #pump(): void {
    for (const entry of this.#waiting) {
      if (this.inFlight >= this.#capacity()) return;
      this.#waiting.delete(entry);
      this.#start(entry);
    }
  }

  #start(entry: Entry<T, R>): void {
    entry.state = 'running';
    this.#running += 1;
    const started = performance.now();
    let handed: Promise<R>;
    try {
      handed = this.#options.run(entry.task);
    } catch (error) {
      handed = Promise.reject(error);
    }
    handed.then(
      (value) => this.#settle(entry, started, true, () => entry.resolve(value)),
      (error: unknown) => this.#settle(entry, started, false, () => entry.reject(error)),
    );
  }

  #stop(entry: Entry<T, R>): void {
    const reason: unknown = entry.signal?.reason;
    if (entry.state === 'waiting') {
      this.#waiting.delete(entry);
    } else if (entry.state === 'running') {
      entry.state = 'abandoned';
      this.#running -= 1;
      this.#abandoned += 1;
      // One more thread may start now: the abandoned task keeps its thread until it ends.
      this.#pump();
    }
    entry.reject(reason);
  }

  #settle(entry: Entry<T, R>, started: number, ok: boolean, answer: () => void): void {
    const late = entry.state === 'abandoned';
    if (late) {
      this.#abandoned -= 1;
    } else {
      this.#running -= 1;
      this.#finish(entry, answer);
    }
    this.#pump();
    if (this.inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    if (!late || !this.#options.onLateSettle) return;
    try {
      this.#options.onLateSettle({ ms: performance.now() - started, ok });
    } catch {
      // Nobody awaits an abandoned task: a throw here would be an unhandled rejection, and the
      // line's bookkeeping is already done.
    }
  }

  #finish(entry: Entry<T, R>, answer: () => void): void {
    entry.signal?.removeEventListener('abort', entry.onAbort);
    answer();
  }
}
