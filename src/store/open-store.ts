import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { ActivityStore } from './activity-store.js';
import { migrations } from './migrations.js';
import { PracticeStore } from './practice-store.js';
import { SettingsStore } from './settings-store.js';
import { UsageStore } from './usage-store.js';
import type { Database } from './schema.js';
import type { StoreConfig } from './store-config.js';

export interface Store {
  kind: StoreConfig['kind'];
  practice: PracticeStore;
  /** `SELECT 1`: the health probe's round trip. */
  ping(): Promise<void>;
  settings: SettingsStore;
  activity: ActivityStore;
  usage: UsageStore;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: keep the tables in this schema (created if missing), e.g. one per test run. */
  schema?: string;
}

/** A PostgreSQL server that does not answer fails the start within this, rather than hanging it. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Connections per process: answers write one row each, so a few are plenty (PostgreSQL's default limit is 100 in all). */
const POOL_SIZE = 4;

async function dialectFor(config: StoreConfig, options: OpenOptions): Promise<SqliteDialect | PostgresDialect> {
  const { PostgresDialect, SqliteDialect } = await import('kysely');
  if (config.kind === 'sqlite') {
    // Loaded here so a bot on PostgreSQL never loads the native SQLite module, and the reverse.
    const { default: SQLite } = await import('better-sqlite3');
    if (config.file !== ':memory:') await mkdir(path.dirname(config.file), { recursive: true });
    const database = new SQLite(config.file);
    // WAL: readers do not wait for the writer; NORMAL sync is safe with WAL (sqlite.org/wal.html).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    return new SqliteDialect({ database });
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: config.url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; unhandled, that would end the process.
  pool.on('error', () => undefined);
  // A client in use emits it on itself (pg 8.23: the pool removes its listener while the client is
  // checked out), besides failing its query; without a listener a server lost mid-query was an
  // uncaught exception. The query's own rejection carries the error to the caller.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new PostgresDialect({ pool });
}

/**
 * Opens the database and brings its schema up to date (migrations.ts), the same way for both
 * kinds. Rejects with the database's own error when it cannot; the caller decides what runs
 * without it.
 */
export async function openStore(config: StoreConfig, options: OpenOptions = {}): Promise<Store> {
  // Kysely is loaded with the first use of the database: the one-shot CLI answers most commands
  // without it (its ~300 modules took ~0.2 s to load here).
  const { Kysely, Migrator, sql } = await import('kysely');
  const db: Kysely<Database> = new Kysely<Database>({ dialect: await dialectFor(config, options) });
  try {
    if (config.kind === 'postgres' && options.schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`schema "${options.schema}": expected lower-case letters, digits and _`);
      await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    }
    const { error, results } = await new Migrator({ db, provider: migrations, ...(config.kind === 'postgres' && options.schema ? { migrationTableSchema: options.schema } : {}) }).migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error || failed) throw error instanceof Error ? error : new Error(`migration ${failed?.migrationName ?? ''} failed`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { kind: config.kind, practice: new PracticeStore(db), settings: new SettingsStore(db), activity: new ActivityStore(db), usage: new UsageStore(db), ping: async () => void (await sql`select 1`.execute(db)), close: () => db.destroy() };
}
