import { openDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';

/** Opens the bot's database file and brings its schema up to date. */
export async function openStorage(file: string): Promise<Database> {
  const db = await openDatabase(file);
  await migrate(db);
  return db;
}
