/**
 * What lossbot stores, table by table: Kysely's view of the database, the same for SQLite and
 * PostgreSQL. Practice attempts, servers' settings and per-day command counts; no message text
 * (README, "Privacy").
 */
export interface AttemptTable {
  /** discord, slack or cli. */
  platform: string;
  /** The Discord server or Slack workspace; '' where there is none (a DM, the CLI). */
  server_id: string;
  user_id: string;
  /** The kind of problem (its topic and template), what spaced review brings back. */
  kind: string;
  topic: string;
  level: number;
  /** 1 or 0: SQLite has no boolean type. */
  correct: number;
  /** The mistake the answer was diagnosed with, or null. */
  mistake: string | null;
  /** Milliseconds since 1970, as a double: exact to 2^53 in both databases, and read back as a number (pg returns bigint as a string). */
  created_ms: number;
}

/** A Discord server's or Slack workspace's settings (core/server-settings.ts); null: never set, the default applies. */
export interface ServerSettingsTable {
  platform: string;
  server_id: string;
  answers: string | null;
  base: string | null;
  theme: string | null;
  practice: string | null;
  leaderboard: string | null;
  /** A JSON array of Slack channel ids or names. */
  channels: string | null;
  updated_ms: number;
}

/** Commands answered per server, command and UTC day (`2026-12-02`): no user id. */
export interface UsageCountTable {
  platform: string;
  server_id: string;
  day: string;
  command: string;
  count: number;
}

export interface Database {
  attempts: AttemptTable;
  server_settings: ServerSettingsTable;
  usage_counts: UsageCountTable;
}
