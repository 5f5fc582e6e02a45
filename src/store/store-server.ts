import type { LeaderRow, ServerActivity, WeekUsage } from '../core/server-activity.js';
import type { SettingsSource, StoredSettings } from '../core/server-settings.js';
import type { Store } from './open-store.js';
import type { StoreOperation } from './store-progress.js';
import { dayOf } from './usage-store.js';

/** Servers' settings and activity kept in the database practice progress lives in (StoreProgress opens it). */
export class StoreServer implements SettingsSource, ServerActivity {
  readonly #store: () => Promise<Store>;
  readonly #now: () => number;
  readonly #onFailure: (operation: StoreOperation) => void;

  /** `onFailure`: told of each failed operation (the database-errors metric); must not throw. */
  constructor(store: () => Promise<Store>, now: () => number = Date.now, onFailure: (operation: StoreOperation) => void = () => undefined) {
    this.#store = store;
    this.#now = now;
    this.#onFailure = onFailure;
  }

  read(platform: string, serverId: string): Promise<StoredSettings> {
    return this.#counted('settings-read', (store) => store.settings.read(platform, serverId));
  }

  write(platform: string, serverId: string, changes: StoredSettings): Promise<StoredSettings> {
    return this.#counted('settings-write', (store) => store.settings.write(platform, serverId, changes, this.#now()));
  }

  week(platform: string, serverId: string, sinceMs: number): Promise<WeekUsage> {
    return this.#counted('activity', async (store) => {
      const [practice, commands] = await Promise.all([store.activity.practiceSince(platform, serverId, sinceMs), store.usage.since(platform, serverId, dayOf(sinceMs))]);
      return { ...practice, commands };
    });
  }

  leaderboard(platform: string, serverId: string, sinceMs: number, limit: number): Promise<LeaderRow[]> {
    return this.#counted('activity', (store) => store.activity.leaderboard(platform, serverId, sinceMs, limit));
  }

  async #counted<T>(operation: StoreOperation, use: (store: Store) => Promise<T>): Promise<T> {
    try {
      return await use(await this.#store());
    } catch (error) {
      try {
        this.#onFailure(operation);
      } catch {
        // Counting must never replace the database's own error.
      }
      throw error;
    }
  }
}
