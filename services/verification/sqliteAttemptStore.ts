import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttemptStore } from './attemptStore.js';

const countSchema = z.object({ n: z.number() });
const lockSchema = z.object({ until: z.number() });

/**
 * Attempts in the bot's SQLite database (tables `verification_failures` and
 * `verification_locks`, created on first use), so a restart does not lift a lock-out.
 * Times are stored as epoch milliseconds.
 *
 * @example
 * const attempts = new SqliteAttemptStore(openDatabase('data/bot-state.sqlite'));
 */
export class SqliteAttemptStore implements AttemptStore {
  private readonly insertFailure: Database.Statement;
  private readonly countFailures: Database.Statement;
  private readonly deleteFailures: Database.Statement;
  private readonly upsertLock: Database.Statement;
  private readonly selectLock: Database.Statement;
  private readonly pruneFailures: Database.Statement;
  private readonly pruneLocks: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS verification_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
       CREATE INDEX IF NOT EXISTS verification_failures_key_at ON verification_failures (key, at);
       CREATE TABLE IF NOT EXISTS verification_locks (key TEXT PRIMARY KEY, until INTEGER NOT NULL)`,
    );
    this.insertFailure = db.prepare('INSERT INTO verification_failures (key, at) VALUES (?, ?)');
    this.countFailures = db.prepare('SELECT COUNT(*) AS n FROM verification_failures WHERE key = ? AND at > ?');
    this.deleteFailures = db.prepare('DELETE FROM verification_failures WHERE key = ?');
    this.upsertLock = db.prepare(
      `INSERT INTO verification_locks (key, until) VALUES (?, ?)
       ON CONFLICT(key) DO UPDATE SET until = MAX(until, excluded.until)`,
    );
    this.selectLock = db.prepare('SELECT until FROM verification_locks WHERE key = ? AND until > ?');
    this.pruneFailures = db.prepare('DELETE FROM verification_failures WHERE at <= ?');
    this.pruneLocks = db.prepare('DELETE FROM verification_locks WHERE until <= ?');
  }

  recordFailure(key: string, at: Date): Promise<void> {
    this.insertFailure.run(key, at.getTime());
    return Promise.resolve();
  }

  countFailuresSince(key: string, since: Date): Promise<number> {
    return Promise.resolve(countSchema.parse(this.countFailures.get(key, since.getTime())).n);
  }

  clearFailures(key: string): Promise<void> {
    this.deleteFailures.run(key);
    return Promise.resolve();
  }

  lock(key: string, until: Date): Promise<void> {
    this.upsertLock.run(key, until.getTime());
    return Promise.resolve();
  }

  lockedUntil(key: string, now: Date): Promise<Date | undefined> {
    const row = this.selectLock.get(key, now.getTime());
    return Promise.resolve(row === undefined ? undefined : new Date(lockSchema.parse(row).until));
  }

  prune(before: Date): Promise<void> {
    this.pruneFailures.run(before.getTime());
    this.pruneLocks.run(before.getTime());
    return Promise.resolve();
  }
}
