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
};

export const migrations: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
