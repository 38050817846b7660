import type Database from 'better-sqlite3';
import { z } from 'zod';
import { SqliteTickWriter } from '../sqliteTickWriter.js';
import { applyInOrder, attemptRecordSchema, type AttemptChange, type AttemptRecord, type AttemptStore, type KeyedChange } from './attemptStore.js';

const rowSchema = z.object({ value: z.string() });

/**
 * Attempts in the bot's SQLite database (table `verification_attempts`, created on first
 * use), so a restart forgets nothing. Each update runs whole inside a `BEGIN IMMEDIATE`
 * transaction (the tick's, shared with the other writes of that tick: {@link SqliteTickWriter}):
 * two processes on the same file take turns, so a reservation can never be counted twice or lost.
 *
 * @example
 * const attempts = new SqliteAttemptStore(openDatabase('data/bot-state.sqlite'));
 */
export class SqliteAttemptStore implements AttemptStore {
  private readonly writer: SqliteTickWriter;
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly pruneOld: Database.Statement;

  constructor(db: Database.Database) {
    this.writer = SqliteTickWriter.of(db);
    db.exec(
      `CREATE TABLE IF NOT EXISTS verification_attempts (key TEXT PRIMARY KEY, value TEXT NOT NULL, last_at INTEGER NOT NULL);
       CREATE INDEX IF NOT EXISTS verification_attempts_last_at ON verification_attempts (last_at)`,
    );
    this.select = db.prepare('SELECT value FROM verification_attempts WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO verification_attempts (key, value, last_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, last_at = excluded.last_at`,
    );
    this.remove = db.prepare('DELETE FROM verification_attempts WHERE key = ?');
    this.pruneOld = db.prepare('DELETE FROM verification_attempts WHERE last_at <= ?');
  }

  update<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): Promise<T> {
    // applyChange reads, decides, then writes with one statement (or none): no savepoint needed.
    return this.writer.run(() => this.applyChange(key, change), { oneWrite: true });
  }

  /** In one transaction: its own savepoint in the tick's batch, so a failure undoes all of it. */
  updateInOrder<T>(changes: ReadonlyArray<KeyedChange<T>>, goOn: (result: T) => boolean): Promise<T[]> {
    return this.writer.run(() => applyInOrder(changes, goOn, (key, change) => this.applyChange(key, change)));
  }

  prune(before: Date): Promise<void> {
    this.pruneOld.run(before.getTime());
    return Promise.resolve();
  }

  private applyChange<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): T {
    const row = this.select.get(key);
    const stored = row === undefined ? undefined : attemptRecordSchema.parse(JSON.parse(rowSchema.parse(row).value));
    const { next, result } = change(stored);
    if (next === stored) return result;
    if (next) this.upsert.run(key, JSON.stringify(next), next.lastAt);
    else this.remove.run(key);
    return result;
  }
}
