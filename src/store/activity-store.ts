import type { Kysely } from 'kysely';
import type { LeaderRow } from '../core/server-activity.js';
import type { Database } from './schema.js';

/** A server's practice since a moment, read from the attempts through their (platform, server_id, created_ms) index. */
export class ActivityStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async practiceSince(platform: string, serverId: string, sinceMs: number): Promise<{ attempts: number; students: number }> {
    const row = await this.#db
      .selectFrom('attempts')
      .select((eb) => [eb.fn.countAll().as('attempts'), eb.fn.count('user_id').distinct().as('students')])
      .where('platform', '=', platform)
      .where('server_id', '=', serverId)
      .where('created_ms', '>=', sinceMs)
      .executeTakeFirst();
    // pg returns counts as strings (bigint).
    return { attempts: Number(row?.attempts ?? 0), students: Number(row?.students ?? 0) };
  }

  /** Most correct answers first; a tie goes to who got there first, so the order is stable. */
  async leaderboard(platform: string, serverId: string, sinceMs: number, limit: number): Promise<LeaderRow[]> {
    const rows = await this.#db
      .selectFrom('attempts')
      .select((eb) => ['user_id', eb.fn.countAll().as('correct'), eb.fn.max('created_ms').as('last_ms')])
      .where('platform', '=', platform)
      .where('server_id', '=', serverId)
      .where('created_ms', '>=', sinceMs)
      .where('correct', '=', 1)
      .groupBy('user_id')
      .orderBy('correct', 'desc')
      .orderBy('last_ms', 'asc')
      .orderBy('user_id', 'asc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ userId: row.user_id, correct: Number(row.correct) }));
  }
}
