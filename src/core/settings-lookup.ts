import type { Logger } from './logger.js';
import { within } from './within.js';
import type { IncomingRequest } from './platform-verbs.js';
import { applied, type ServerView, type SettingsSource, type StoredSettings } from './server-settings.js';

/**
 * The settings read before a request is validated, so it must fit in the platforms' 3 s to
 * acknowledge: a primary-key read takes ~0.05 ms on SQLite and ~1 ms on PostgreSQL here
 * (test/store/settings-store.test.ts measures it), so a database that takes longer than this is
 * taken as down and the request runs with the defaults.
 */
export const SETTINGS_READ_MS = 250;
/**
 * After a failed read, requests take the defaults without asking for this long: a database that
 * is down would otherwise cost every request the full wait. Short, since settings must apply at
 * once on every shard and replica (they are read per request, never cached).
 */
export const SETTINGS_RETRY_MS = 5_000;

const TIMED_OUT = Symbol('timed out');

/** A request's server settings, read per request from the database; its failures logged once, not per request. */
export class SettingsLookup {
  readonly #source: SettingsSource | undefined;
  readonly #logger: Logger;
  readonly #now: () => number;
  #retryAt = 0;
  #down = false;

  constructor(source: SettingsSource | undefined, logger: Logger, now: () => number) {
    this.#source = source;
    this.#logger = logger;
    this.#now = now;
  }

  async view(request: IncomingRequest): Promise<ServerView> {
    const serverId = request.serverId ?? '';
    const source = this.#source;
    const manage = request.canManage ? { canManage: request.canManage } : {};
    if (!serverId) return { serverId, settings: applied({}, request.theme), stored: {}, ...manage };
    if (!source) return { serverId, settings: applied({}, request.theme), stored: {}, unavailable: 'no-database', ...manage };
    const stored = await this.#read(request.platform, serverId);
    const save = (changes: StoredSettings) => source.write(request.platform, serverId, changes);
    return stored
      ? { serverId, settings: applied(stored, request.theme), stored, save, ...manage }
      : { serverId, settings: applied({}, request.theme), stored: {}, unavailable: 'unreadable', save, ...manage };
  }

  async #read(platform: string, serverId: string): Promise<StoredSettings | undefined> {
    const source = this.#source;
    if (!source || this.#now() < this.#retryAt) return undefined;
    try {
      const stored = await within<StoredSettings | typeof TIMED_OUT>(source.read(platform, serverId), SETTINGS_READ_MS, TIMED_OUT);
      if (stored === TIMED_OUT) throw new Error(`no answer within ${SETTINGS_READ_MS} ms`);
      if (this.#down) this.#logger.info('server settings can be read again');
      this.#down = false;
      return stored;
    } catch (error) {
      this.#retryAt = this.#now() + SETTINGS_RETRY_MS;
      if (!this.#down) this.#logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'server settings cannot be read: requests run with the defaults until the database answers');
      this.#down = true;
      return undefined;
    }
  }
}
