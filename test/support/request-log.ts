/**
 * What a fake platform server received, and a way to wait for it: `next` resolves with the first
 * matching record not already handed to another wait, at once if it has come, else on arrival.
 * Tests wait on these events instead of sleeping.
 */
export class RequestLog<T> {
  readonly all: T[] = [];
  readonly #taken = new Set<T>();
  readonly #waiters: Array<{ match: (record: T) => boolean; resolve: (record: T) => void }> = [];

  add(record: T): void {
    this.all.push(record);
    const waiter = this.#waiters.find((w) => w.match(record));
    if (!waiter) return;
    this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
    this.#taken.add(record);
    waiter.resolve(record);
  }

  next(match: (record: T) => boolean): Promise<T> {
    const seen = this.all.find((record) => match(record) && !this.#taken.has(record));
    if (seen) {
      this.#taken.add(seen);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.#waiters.push({ match: (record) => match(record) && !this.#taken.has(record), resolve }));
  }
}
