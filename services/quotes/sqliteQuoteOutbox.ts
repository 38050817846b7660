import type Database from 'better-sqlite3';
import { z } from 'zod';
import { deliveryRecordSchema, type DeliveryRecord } from './quoteDeliveryRecord.js';
import type { QuoteOutbox } from './quoteOutbox.js';

const rowSchema = z.object({ record: z.string() });

function toRecord(row: unknown): DeliveryRecord {
  return deliveryRecordSchema.parse(JSON.parse(rowSchema.parse(row).record));
}

/** Times in UTC with milliseconds, so that text comparison in SQL is chronological. */
const utc = (iso: string) => new Date(iso).toISOString();

/**
 * Quote deliveries in the bot's SQLite database (table `quote_deliveries`, beside
 * `quote_requests`, created on first use). The record is kept as JSON; the columns that
 * queries need are copied out of it.
 *
 * @example
 * const outbox = new SqliteQuoteOutbox(openDatabase('data/bot-state.sqlite'));
 */
export class SqliteQuoteOutbox implements QuoteOutbox {
  private readonly insertMany: (records: readonly DeliveryRecord[]) => void;
  private readonly updateOne: Database.Statement;
  private readonly selectDue: Database.Statement;
  private readonly selectByRenewalId: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS quote_deliveries (
         id TEXT PRIMARY KEY,
         quote_id TEXT NOT NULL,
         renewal_id TEXT NOT NULL,
         state TEXT NOT NULL,
         next_attempt_at TEXT NOT NULL,
         created_at TEXT NOT NULL,
         record TEXT NOT NULL
       );
       CREATE INDEX IF NOT EXISTS quote_deliveries_due ON quote_deliveries (state, next_attempt_at);
       CREATE INDEX IF NOT EXISTS quote_deliveries_renewal_id ON quote_deliveries (renewal_id, created_at)`,
    );
    const insert = db.prepare(
      'INSERT INTO quote_deliveries (id, quote_id, renewal_id, state, next_attempt_at, created_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMany = db.transaction((records: readonly DeliveryRecord[]) => {
      for (const r of records) insert.run(r.id, r.quoteId, r.renewalId, r.state, utc(r.nextAttemptAt), utc(r.createdAt), JSON.stringify(r));
    });
    this.updateOne = db.prepare('UPDATE quote_deliveries SET state = ?, next_attempt_at = ?, record = ? WHERE id = ?');
    this.selectDue = db.prepare(
      "SELECT record FROM quote_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at, rowid LIMIT ?",
    );
    this.selectByRenewalId = db.prepare('SELECT record FROM quote_deliveries WHERE renewal_id = ? ORDER BY created_at, rowid');
  }

  // async: SQLite's synchronous errors (a duplicate id, a full disk) become rejections.
  async add(records: readonly DeliveryRecord[]): Promise<void> {
    this.insertMany(records.map((r) => deliveryRecordSchema.parse(r)));
  }

  async update(record: DeliveryRecord): Promise<void> {
    const r = deliveryRecordSchema.parse(record);
    const result = this.updateOne.run(r.state, utc(r.nextAttemptAt), JSON.stringify(r), r.id);
    if (result.changes !== 1) throw new Error('no quote delivery with this id');
  }

  async listDue(now: Date, limit: number): Promise<DeliveryRecord[]> {
    return this.selectDue.all(now.toISOString(), limit).map(toRecord);
  }

  async listByRenewalId(renewalId: string): Promise<DeliveryRecord[]> {
    return this.selectByRenewalId.all(renewalId).map(toRecord);
  }
}
