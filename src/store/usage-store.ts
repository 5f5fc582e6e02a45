import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Commands answered, counted per server, command and UTC day (no user id). */
export interface UsageCount {
  platform: string;
  serverId: string;
  day: string;
  command: string;
  count: number;
}

/** Rows per INSERT: 5 columns each stays far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const MAX_BATCH = 500;

/** The UTC day of a moment, as the table keys it: `2026-12-02`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export class UsageStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Adds counts to what is kept (an upsert that sums, the same SQL on SQLite and PostgreSQL). */
  async add(counts: readonly UsageCount[]): Promise<void> {
    for (let i = 0; i < counts.length; i += MAX_BATCH) {
      const rows = counts.slice(i, i + MAX_BATCH).map((c) => ({ platform: c.platform, server_id: c.serverId, day: c.day, command: c.command, count: c.count }));
      await this.#db
        .insertInto('usage_counts')
        .values(rows)
        .onConflict((conflict) => conflict.columns(['platform', 'server_id', 'day', 'command']).doUpdateSet((eb) => ({ count: eb('usage_counts.count', '+', eb.ref('excluded.count')) })))
        .execute();
    }
  }

  /** Commands answered per command from `fromDay` on. */
  async since(platform: string, serverId: string, fromDay: string): Promise<Record<string, number>> {
    const rows = await this.#db
      .selectFrom('usage_counts')
      .select((eb) => ['command', eb.fn.sum<number>('count').as('count')])
      .where('platform', '=', platform)
      .where('server_id', '=', serverId)
      .where('day', '>=', fromDay)
      .groupBy('command')
      .orderBy('command')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.command, Number(row.count)]));
  }

  /** Deletes the days before `fromDay`; returns how many rows went. */
  async prune(fromDay: string): Promise<number> {
    const result = await this.#db.deleteFrom('usage_counts').where('day', '<', fromDay).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
