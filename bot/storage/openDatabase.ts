import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The in-memory database name understood by SQLite; nothing is written to disk. */
export const IN_MEMORY = ':memory:';

/**
 * Page cache of a file database, in KiB (negative `cache_size` = KiB). better-sqlite3 builds
 * SQLite with a 16 MB default, which a long-running bot fills with pages it wrote once (every
 * table grows at its end; a turn reads and writes a few pages near the end of each B-tree):
 * writing a 27 MB database the way the bot does added 18.8 MB of resident memory with the
 * default and 6.4 MB with 4 MB. The mixed load made as many read() calls per turn with 4 MB as
 * with 16 MB (1.6, /proc/PID/io syscr): the hot pages fit.
 */
export const PAGE_CACHE_KIB = 4096;

/**
 * Opens (or creates) the SQLite file shared by the bot storage, the verification attempt store
 * and the quote store: creates the parent folders, turns on WAL so readers never block the
 * writer, and waits up to `busyTimeoutMs` when another connection holds the write lock. The page cache
 * is capped at {@link PAGE_CACHE_KIB}.
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
  // An in-memory database lives in its page cache: no cap there.
  if (file !== IN_MEMORY) db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return db;
}
