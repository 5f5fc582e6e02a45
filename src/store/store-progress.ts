import type { Logger } from '../core/logger.js';
import type { Asker, PracticeResult, PracticeStats, Progress, ReviewDue } from '../core/progress.js';
import { openStore, type Store } from './open-store.js';
import type { StoreConfig } from './store-config.js';
import { RETENTION_MS } from './practice-store.js';
import { dayOf } from './usage-store.js';

/** What a failure counter is told failed. */
export type StoreOperation = 'open' | 'record' | 'stats' | 'due-for-review' | 'forget' | 'prune' | 'settings-read' | 'settings-write' | 'activity';

/** The retention sweep runs at start and then daily. */
const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Progress kept in the database. It opens the database on first use (the one-shot CLI pays for
 * it only when asked to practise) or at `open()` (the bot, at start). A database that cannot be
 * opened is retried on the next use rather than kept as broken: a PostgreSQL server that was
 * restarting comes back without restarting the bot.
 */
export class StoreProgress implements Progress {
  readonly #config: StoreConfig;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #onFailure: (operation: StoreOperation) => void;
  #store: Promise<Store> | undefined;
  #sweep: NodeJS.Timeout | undefined;

  /** `onFailure`: told of each failed operation (the database-errors metric); must not throw. */
  constructor(config: StoreConfig, logger: Logger, now: () => number = Date.now, onFailure: (operation: StoreOperation) => void = () => undefined) {
    this.#config = config;
    this.#logger = logger;
    this.#now = now;
    this.#onFailure = onFailure;
  }

  /** Opens and migrates now, sweeps old rows, and keeps sweeping daily; false (logged) when the database cannot be used. */
  async open(): Promise<boolean> {
    try {
      const store = await this.#opened();
      const pruned = await store.practice.prune(this.#now());
      await store.usage.prune(dayOf(this.#now() - RETENTION_MS));
      this.#logger.info({ database: this.#config.kind, ...(this.#config.kind === 'sqlite' ? { file: this.#config.file } : {}), pruned }, 'practice progress is kept in the database');
      this.#sweep ??= setInterval(() => void this.#prune(), SWEEP_EVERY_MS).unref();
      return true;
    } catch (error) {
      this.#failed('open');
      // The URL may hold a password: only the kind and the database's own message are logged.
      this.#logger.warn({ database: this.#config.kind, err: error instanceof Error ? error.message : String(error) }, 'the database cannot be used: practice answers are checked but not saved');
      return false;
    }
  }

  record(asker: Asker, result: PracticeResult): Promise<void> {
    return this.#counted('record', (store) => store.practice.record({ ...result, platform: asker.platform, serverId: asker.serverId, userId: asker.userId, atMs: this.#now() }));
  }

  stats(asker: Asker): Promise<PracticeStats> {
    return this.#counted('stats', (store) => store.practice.stats(asker.platform, asker.userId));
  }

  dueForReview(asker: Asker): Promise<ReviewDue[]> {
    return this.#counted('due-for-review', (store) => store.practice.dueForReview(asker.platform, asker.userId, this.#now()));
  }

  forget(asker: Asker): Promise<number> {
    return this.#counted('forget', (store) => store.practice.forget(asker.platform, asker.userId));
  }

  /** `SELECT 1` (opening the database first if it is not open): for the health probe, not counted as a failure. */
  async ping(): Promise<void> {
    await (await this.#opened()).ping();
  }

  /** The database, opened on first use; the server settings and counts (store-server.ts) share it. */
  store(): Promise<Store> {
    return this.#opened();
  }

  async close(): Promise<void> {
    clearInterval(this.#sweep);
    const store = this.#store;
    this.#store = undefined;
    await store?.then((s) => s.close(), () => undefined);
  }

  async #counted<T>(operation: StoreOperation, use: (store: Store) => Promise<T>): Promise<T> {
    try {
      return await use(await this.#opened());
    } catch (error) {
      this.#failed(operation);
      // The student hears that nothing was saved; the operator needs the reason. The URL may hold a password: the database's own message only.
      this.#logger.warn({ database: this.#config.kind, operation, err: error instanceof Error ? error.message : String(error) }, 'a database operation failed');
      throw error;
    }
  }

  #failed(operation: StoreOperation): void {
    try {
      this.#onFailure(operation);
    } catch {
      // Counting must never replace the database's own error.
    }
  }

  #opened(): Promise<Store> {
    if (!this.#store) {
      const opening = openStore(this.#config);
      this.#store = opening;
      opening.catch(() => {
        if (this.#store === opening) this.#store = undefined;
      });
    }
    return this.#store;
  }

  async #prune(): Promise<void> {
    try {
      const store = await this.#opened();
      const pruned = await store.practice.prune(this.#now());
      await store.usage.prune(dayOf(this.#now() - RETENTION_MS));
      if (pruned > 0) this.#logger.info({ pruned }, 'practice attempts older than 365 days deleted');
    } catch (error) {
      this.#failed('prune');
      this.#logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'the retention sweep could not reach the database');
    }
  }
}
