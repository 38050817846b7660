import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder-core';
import { z } from 'zod';
import { SqliteTickWriter } from '../../services/sqliteTickWriter.js';
import { openDatabase } from './openDatabase.js';
import { rememberStoredJson } from './storedJson.js';

const TABLE = 'bot_storage';

const rowSchema = z.object({ etag: z.string(), value: z.string() });
/** A row of a many-key read, as an array (no object per row): key, eTag, value. */
const keyedRowSchema = z.tuple([z.string(), z.string(), z.string()]);

type Row = z.infer<typeof rowSchema>;
type KeyedRow = z.infer<typeof keyedRowSchema>;

/**
 * Up to this many keys are read in one statement (`key IN (?, …)`, one prepared statement per
 * count): a turn reads its conversation, private and user state together, and each statement
 * outside a transaction is a read transaction of its own (file locks: system calls).
 */
const KEYS_PER_STATEMENT = 8;

function isRow(row: unknown): row is Row {
  return isObject(row) && typeof row.etag === 'string' && typeof row.value === 'string';
}

function isKeyedRow(row: unknown): row is KeyedRow {
  return Array.isArray(row) && row.length === 3 && row.every((cell) => typeof cell === 'string');
}

/** A stored document; its text is remembered for the state cache (written by JSON.stringify). */
function parseItem(text: string): unknown {
  const item: unknown = JSON.parse(text);
  if (isObject(item)) rememberStoredJson(item, text);
  return item;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Bot state (conversation and user state) in a SQLite table, one JSON document per key, with
 * the same optimistic concurrency as botbuilder's MemoryStorage:
 * - a write whose `eTag` is `'*'` or missing always wins;
 * - a write whose `eTag` differs from the stored item's is refused with an Error;
 * - every write stores a new `eTag` (a UUID, so two processes sharing the file never reuse one).
 *
 * Unlike MemoryStorage, a `write` is all-or-nothing: when one key conflicts, none of the
 * changes of that call are stored. The check and the write run in one `BEGIN IMMEDIATE`
 * transaction (shared with the other writes of the same tick, {@link SqliteTickWriter}), so two
 * instances on the same file cannot both win with the same eTag.
 *
 * @example
 * const storage = new SqliteStorage('data/bot-state.sqlite');
 * const conversationState = new ConversationState(storage);
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly ownsDatabase: boolean;
  private readonly selectItem: Database.Statement;
  /** `selectItems[n]` reads n keys (2 ≤ n ≤ {@link KEYS_PER_STATEMENT}). */
  private readonly selectItems: Database.Statement[] = [];
  private readonly upsertItem: Database.Statement;
  private readonly updateIfETag: Database.Statement;
  private readonly insertIfAbsent: Database.Statement;
  private readonly deleteItem: Database.Statement;
  private readonly writer: SqliteTickWriter;

  /** @param database a file path (opened with {@link openDatabase}) or an open database. */
  constructor(database: string | Database.Database) {
    this.ownsDatabase = typeof database === 'string';
    this.db = typeof database === 'string' ? openDatabase(database) : database;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
         key TEXT PRIMARY KEY,
         etag TEXT NOT NULL,
         value TEXT NOT NULL,
         updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
       )`,
    );
    this.selectItem = this.db.prepare(`SELECT etag, value FROM ${TABLE} WHERE key = ?`);
    this.upsertItem = this.db.prepare(
      `INSERT INTO ${TABLE} (key, etag, value) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, value = excluded.value,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    // A conditional write checks the eTag in the statement that writes (no SELECT first).
    this.updateIfETag = this.db.prepare(
      `UPDATE ${TABLE} SET etag = ?, value = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE key = ? AND etag = ?`,
    );
    this.insertIfAbsent = this.db.prepare(`INSERT INTO ${TABLE} (key, etag, value) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING`);
    this.deleteItem = this.db.prepare(`DELETE FROM ${TABLE} WHERE key = ?`);
    this.writer = SqliteTickWriter.of(this.db);
  }

  /** Reads the items that exist among `keys`; missing keys are left out of the result. */
  read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) return Promise.reject(new ReferenceError('Keys are required when reading.'));
    const items: StoreItems = {};
    const [only] = keys;
    if (keys.length === 1 && only !== undefined) {
      const row = this.findRow(only);
      if (row) items[only] = parseItem(row.value);
      return Promise.resolve(items);
    }
    for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT) {
      const some = keys.slice(start, start + KEYS_PER_STATEMENT);
      for (const [key, , value] of this.findRows(some)) items[key] = parseItem(value);
    }
    return Promise.resolve(items);
  }

  /** Writes every change or, when one of them holds a stale eTag, none of them. */
  write(changes: StoreItems): Promise<void> {
    if (!isObject(changes)) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    // One savepoint per call within the tick's transaction: a conflict stores none of `changes`.
    // A single item is written by one statement or refused before any (writeItem): no savepoint.
    const entries = Object.entries(changes);
    return this.writer.run(() => {
      for (const [key, item] of entries) this.writeItem(key, item);
    }, { oneWrite: entries.length === 1 });
  }

  /** Deletes the given keys; unknown keys are ignored. */
  delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.writer.run(() => {
      for (const key of keys) this.deleteItem.run(key);
    }, { oneWrite: keys.length === 1 });
  }

  /** Closes the database when this instance opened it from a path. */
  close(): void {
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  private findRow(key: string): Row | undefined {
    const row: unknown = this.selectItem.get(key);
    if (row === undefined) return undefined;
    // The table's own columns: checked cheaply on this hot path, with zod's message otherwise.
    return isRow(row) ? row : rowSchema.parse(row);
  }

  private findRows(keys: string[]): KeyedRow[] {
    const rows: unknown[] = this.selectItemsOf(keys.length).all(...keys);
    return rows.map((row) => (isKeyedRow(row) ? row : keyedRowSchema.parse(row)));
  }

  private selectItemsOf(count: number): Database.Statement {
    let statement = this.selectItems[count];
    if (!statement) {
      const marks = Array.from({ length: count }, () => '?').join(', ');
      statement = this.db.prepare(`SELECT key, etag, value FROM ${TABLE} WHERE key IN (${marks})`).raw();
      this.selectItems[count] = statement;
    }
    return statement;
  }

  private writeItem(key: string, item: unknown): void {
    if (!isObject(item)) throw new TypeError(`Storage: item "${key}" must be an object.`);
    const wanted = item.eTag;
    const eTag = randomUUID();
    const value = JSON.stringify({ ...item, eTag });
    if (!wanted || wanted === '*') {
      this.upsertItem.run(key, eTag, value);
      return;
    }
    // The stored eTag matches: updated. No row: created (any eTag is accepted for a new key,
    // as in MemoryStorage; CREATE_ONLY_ETAG never matches one). Otherwise the write is stale.
    const written = typeof wanted === 'string' && this.updateIfETag.run(eTag, value, key, wanted).changes === 1;
    if (!written && this.insertIfAbsent.run(key, eTag, value).changes !== 1) {
      throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }
}
