import type { App } from '../../src/bot/app.js';
import type { Database } from '../../src/storage/database.js';
import type { SqliteRepositories } from '../../src/storage/open-repositories.js';

/** The SQLite database under a test app, for tests that inspect or damage stored rows directly. */
export function sqliteOf(app: App): Database {
  const db = (app.repos as Partial<SqliteRepositories>).db;
  if (!db) throw new Error('This app does not run on SQLite.');
  return db;
}
