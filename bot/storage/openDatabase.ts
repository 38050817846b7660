import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The in-memory database name understood by SQLite; nothing is written to disk. */
export const IN_MEMORY = ':memory:';

/**
 * Opens (or creates) the SQLite file shared by the bot storage, the verification attempt store
 * and the quote store: creates the parent folders, turns on WAL so readers never block the
 * writer, and waits up to `busyTimeoutMs` when another connection holds the write lock.
 *
 * @param file a file path, or `:memory:` for a throw-away database
 * @param busyTimeoutMs how long a write waits for another connection's lock @default 5000
 * @example
 * const db = openDatabase('data/bot-state.sqlite');
 * const storage = new SqliteStorage(db);
 */
export function openDatabase(file: string, busyTimeoutMs = 5000): Database.Database {
  if (file !== IN_MEMORY) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}
