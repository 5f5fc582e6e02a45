import type { Logger } from '../core/logger.js';
import type { FinishedRequest } from '../core/serve.js';
import type { Store } from './open-store.js';
import { dayOf, type UsageCount } from './usage-store.js';

/**
 * Every 60 s: a busy server's hundreds of answers a minute cost one upsert of a few rows, not
 * one write each; a crash loses at most this much of a count that is only ever approximate.
 */
const FLUSH_EVERY_MS = 60_000;

/**
 * Counts the commands answered per server, command and UTC day from the request protocol's
 * events (ServeOptions.onFinished), and writes them in batches. No user id is counted.
 */
export class UsageCounter {
  readonly #store: () => Promise<Store>;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #flushMs: number;
  readonly #counts = new Map<string, UsageCount>();
  #timer: NodeJS.Timeout | undefined;
  #failing = false;

  constructor(store: () => Promise<Store>, logger: Logger, now: () => number = Date.now, flushMs = FLUSH_EVERY_MS) {
    this.#store = store;
    this.#logger = logger;
    this.#now = now;
    this.#flushMs = flushMs;
  }

  /** The listener to pass as ServeOptions.onFinished: answered commands in a server count, clicks and DMs do not. */
  readonly count = (event: FinishedRequest): void => {
    if (event.outcome !== 'answered' || event.kind !== 'command' || !event.serverId) return;
    const day = dayOf(this.#now());
    const key = JSON.stringify([event.platform, event.serverId, day, event.command]);
    const entry = this.#counts.get(key);
    if (entry) entry.count += 1;
    else this.#counts.set(key, { platform: event.platform, serverId: event.serverId, day, command: event.command, count: 1 });
    this.#timer ??= setTimeout(() => void this.flush(), this.#flushMs).unref();
  };

  /** Writes what was counted since the last write. A database that is down loses these counts (logged once until it answers again). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const counts = [...this.#counts.values()];
    this.#counts.clear();
    if (counts.length === 0) return;
    try {
      await (await this.#store()).usage.add(counts);
      this.#failing = false;
    } catch (error) {
      if (!this.#failing) this.#logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'usage counts could not be saved');
      this.#failing = true;
    }
  }
}
