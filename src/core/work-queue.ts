/** A place in the queue, held from admission until the work is handed over. */
export interface Reservation {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Frees the place without running anything (the adapter could not acknowledge). */
  cancel(): void;
}

/**
 * A concurrency cap with a bounded queue. `reserve` refuses at once when every place is taken, so
 * an adapter can tell the user "busy" inside the platform's acknowledgement window instead of
 * letting requests pile up; a reserved place always runs, so nothing accepted is dropped.
 */
export class WorkQueue {
  readonly #concurrency: number;
  readonly #capacity: number;
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #reserved = 0;

  constructor(concurrency: number, maxQueued: number) {
    this.#concurrency = concurrency;
    this.#capacity = concurrency + maxQueued;
  }

  reserve(): Reservation | undefined {
    if (this.#running + this.#waiting.length + this.#reserved >= this.#capacity) return undefined;
    this.#reserved++;
    let used = false;
    const hand = (): boolean => {
      if (used) return false;
      used = true;
      this.#reserved--;
      return true;
    };
    return {
      run: async <T>(task: () => Promise<T>): Promise<T> => {
        if (!hand()) throw new Error('a reservation runs once');
        await this.#slot();
        try {
          return await task();
        } finally {
          this.#release();
        }
      },
      cancel: () => {
        hand();
      },
    };
  }

  /** Requests holding a place: running, waiting or reserved. */
  get load(): number {
    return this.#running + this.#waiting.length + this.#reserved;
  }

  #slot(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#running++;
        resolve();
      }),
    );
  }

  #release(): void {
    this.#running--;
    this.#waiting.shift()?.();
  }
}
