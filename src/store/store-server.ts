import type { LeaderRow, ServerActivity, WeekUsage } from '../core/server-activity.js';
import type { SettingsSource, StoredSettings } from '../core/server-settings.js';
import type { Store } from './open-store.js';
import { dayOf } from './usage-store.js';

/** Servers' settings and activity kept in the database practice progress lives in (StoreProgress opens it). */
export class StoreServer implements SettingsSource, ServerActivity {
  readonly #store: () => Promise<Store>;
  readonly #now: () => number;

  constructor(store: () => Promise<Store>, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  async read(platform: string, serverId: string): Promise<StoredSettings> {
    return (await this.#store()).settings.read(platform, serverId);
  }

  async write(platform: string, serverId: string, changes: StoredSettings): Promise<StoredSettings> {
    return (await this.#store()).settings.write(platform, serverId, changes, this.#now());
  }

  async week(platform: string, serverId: string, sinceMs: number): Promise<WeekUsage> {
    const store = await this.#store();
    const [practice, commands] = await Promise.all([store.activity.practiceSince(platform, serverId, sinceMs), store.usage.since(platform, serverId, dayOf(sinceMs))]);
    return { ...practice, commands };
  }

  async leaderboard(platform: string, serverId: string, sinceMs: number, limit: number): Promise<LeaderRow[]> {
    return (await this.#store()).activity.leaderboard(platform, serverId, sinceMs, limit);
  }
}
