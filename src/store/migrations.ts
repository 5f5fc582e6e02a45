import type { Kysely, Migration, MigrationProvider } from 'kysely';

/**
 * The schema's history, oldest first, one set for both databases. A migration is never edited
 * once released; a change is a new entry.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-12-01-attempts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('attempts')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('server_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('correct', 'integer', (c) => c.notNull())
        .addColumn('mistake', 'text')
        .addColumn('created_ms', 'double precision', (c) => c.notNull())
        .execute();
      // A student's history (stats, review, forget-me) and the daily retention sweep.
      await db.schema.createIndex('attempts_by_user').on('attempts').columns(['platform', 'user_id', 'created_ms']).execute();
      await db.schema.createIndex('attempts_by_time').on('attempts').column('created_ms').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('attempts').execute();
    },
  },
  '2026-12-02-server-settings': {
    async up(db: Kysely<unknown>) {
      // One row per server; a null column is a setting never set, which takes its default.
      await db.schema
        .createTable('server_settings')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('server_id', 'text', (c) => c.notNull())
        .addColumn('answers', 'text')
        .addColumn('base', 'text')
        .addColumn('theme', 'text')
        .addColumn('practice', 'text')
        .addColumn('leaderboard', 'text')
        .addColumn('channels', 'text')
        .addColumn('updated_ms', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('server_settings_pk', ['platform', 'server_id'])
        .execute();
      // Commands answered per server, command and UTC day: counts only, no user id.
      await db.schema
        .createTable('usage_counts')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('server_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('usage_counts_pk', ['platform', 'server_id', 'day', 'command'])
        .execute();
      await db.schema.createIndex('usage_counts_by_day').on('usage_counts').column('day').execute();
      // A server's week: /lossbot about's figures and /practice leaderboard.
      await db.schema.createIndex('attempts_by_server').on('attempts').columns(['platform', 'server_id', 'created_ms']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('attempts_by_server').execute();
      await db.schema.dropTable('usage_counts').execute();
      await db.schema.dropTable('server_settings').execute();
    },
  },
};

export const migrations: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
