import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../bot/storage/openDatabase.js';
import { SqliteTickWriter } from '../../services/sqliteTickWriter.js';

describe('SqliteTickWriter', () => {
  let dir: string;
  let db: Database.Database;
  let other: Database.Database;
  const rows = (conn: Database.Database) => conn.prepare('SELECT name FROM t ORDER BY name').pluck().all();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tick-writer-'));
    db = openDatabase(path.join(dir, 'db.sqlite'));
    db.exec('CREATE TABLE t (name TEXT PRIMARY KEY)');
    // Another connection on the same file: what another process would see.
    other = new Database(path.join(dir, 'db.sqlite'));
  });

  afterEach(() => {
    other.close();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should run the writes asked for in one tick in one transaction, committed before any caller is told', async () => {
    const writer = SqliteTickWriter.of(db);
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const seenByOther: unknown[][] = [];
    const first = writer.run(() => insert.run('a'));
    const second = writer.run(() => {
      // The first write is not committed yet: the two share one commit.
      seenByOther.push(rows(other));
      insert.run('b');
      return 'done';
    });
    expect(rows(other)).toEqual([]);
    await expect(second).resolves.toBe('done');
    await first;
    expect(seenByOther).toEqual([[]]);
    expect(rows(other)).toEqual(['a', 'b']);
  });

  it('should refuse alone a one-statement write that fails, with no savepoint, and commit the others', async () => {
    const writer = SqliteTickWriter.of(db);
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const kept = writer.run(() => insert.run('a'), { oneWrite: true });
    // A failed statement undoes itself: the same name again breaks the primary key.
    const refused = writer.run(() => insert.run('a'), { oneWrite: true });
    const checked = writer.run(() => {
      throw new Error('eTag conflict');
    }, { oneWrite: true });
    const after = writer.run(() => insert.run('c'), { oneWrite: true });
    await expect(refused).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(checked).rejects.toThrow('eTag conflict');
    await Promise.all([kept, after]);
    expect(rows(other)).toEqual(['a', 'c']);
  });

  it('should roll back only the write that throws and give its caller the error', async () => {
    const writer = SqliteTickWriter.of(db);
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    const kept = writer.run(() => insert.run('a'));
    const refused = writer.run(() => {
      insert.run('b');
      throw new Error('eTag conflict');
    });
    const after = writer.run(() => insert.run('c'));
    await expect(refused).rejects.toThrow('eTag conflict');
    await Promise.all([kept, after]);
    expect(rows(other)).toEqual(['a', 'c']);
  });

  it('should give every connection its own writer and every store of one connection the same', () => {
    expect(SqliteTickWriter.of(db)).toBe(SqliteTickWriter.of(db));
    expect(SqliteTickWriter.of(other)).not.toBe(SqliteTickWriter.of(db));
  });

  it('should commit the writes waiting for the end of the tick when flushed before the connection closes', async () => {
    const writer = SqliteTickWriter.of(db);
    const pending = writer.run(() => db.prepare('INSERT INTO t (name) VALUES (?)').run('a'));
    writer.flush();
    db.close();
    await pending;
    expect(rows(other)).toEqual(['a']);
  });

  it('should refuse, with a clear error, writes still waiting when the connection closes', async () => {
    const writer = SqliteTickWriter.of(db);
    const pending = writer.run(() => db.prepare('INSERT INTO t (name) VALUES (?)').run('a'));
    db.close();
    await expect(pending).rejects.toThrow('not open');
  });

  it('should reject every write of the tick when the transaction cannot start (another process holds the lock)', async () => {
    const busy = openDatabase(path.join(dir, 'db.sqlite'), 50);
    const writer = SqliteTickWriter.of(busy);
    other.exec('BEGIN IMMEDIATE');
    try {
      const a = writer.run(() => busy.prepare('INSERT INTO t (name) VALUES (?)').run('a'));
      const b = writer.run(() => busy.prepare('INSERT INTO t (name) VALUES (?)').run('b'));
      await expect(a).rejects.toThrow(/locked|busy/i);
      await expect(b).rejects.toThrow(/locked|busy/i);
    } finally {
      other.exec('ROLLBACK');
      busy.close();
    }
    expect(rows(other)).toEqual([]);
  });
});
