import type { Kysely } from 'kysely';
import { CHOICE_SETTINGS, SETTING_CHOICES, type StoredSettings } from '../core/server-settings.js';
import type { Database, ServerSettingsTable } from './schema.js';

type Row = Pick<ServerSettingsTable, 'answers' | 'base' | 'theme' | 'practice' | 'leaderboard' | 'channels'>;

/** A row as settings; a value this version does not know (written by a newer one) is left to its default. */
function settingsOf(row: Row): StoredSettings {
  const stored: Record<string, unknown> = {};
  for (const name of CHOICE_SETTINGS) {
    const value = row[name];
    if (value !== null && (SETTING_CHOICES[name] as readonly string[]).includes(value)) stored[name] = value;
  }
  if (row.channels !== null) {
    const channels: unknown = JSON.parse(row.channels);
    if (Array.isArray(channels) && channels.length > 0) stored['channels'] = channels.map(String);
  }
  return stored as StoredSettings;
}

/** The changes as columns; `channels: []` (every channel) clears the list. */
function columnsOf(changes: StoredSettings): Partial<Row> {
  const columns: Partial<Row> = {};
  for (const name of CHOICE_SETTINGS) {
    const value = changes[name];
    if (value !== undefined) columns[name] = value;
  }
  if (changes.channels !== undefined) columns.channels = changes.channels.length > 0 ? JSON.stringify(changes.channels) : null;
  return columns;
}

/** The servers' settings: one row per (platform, server), read by its primary key on every request. */
export class SettingsStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async read(platform: string, serverId: string): Promise<StoredSettings> {
    const row = await this.#db
      .selectFrom('server_settings')
      .select(['answers', 'base', 'theme', 'practice', 'leaderboard', 'channels'])
      .where('platform', '=', platform)
      .where('server_id', '=', serverId)
      .executeTakeFirst();
    return row ? settingsOf(row) : {};
  }

  /** Sets the given settings, keeps the others (one upsert, the same SQL on SQLite and PostgreSQL), and returns them all. */
  async write(platform: string, serverId: string, changes: StoredSettings, nowMs: number): Promise<StoredSettings> {
    const columns = { ...columnsOf(changes), updated_ms: nowMs };
    await this.#db
      .insertInto('server_settings')
      .values({ platform, server_id: serverId, answers: null, base: null, theme: null, practice: null, leaderboard: null, channels: null, ...columns })
      .onConflict((conflict) => conflict.columns(['platform', 'server_id']).doUpdateSet(columns))
      .execute();
    return this.read(platform, serverId);
  }
}
