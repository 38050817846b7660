import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { QuoteRecord, QuoteStore } from './quoteStore.js';
import { quoteRecordSchema } from './quoteStore.js';

const rowSchema = z.object({
  id: z.string(),
  renewal_id: z.string(),
  requested_by: z.string(),
  language: z.string(),
  created_at: z.string(),
  note: z.string().nullable(),
});

function toRecord(row: unknown): QuoteRecord {
  const r = rowSchema.parse(row);
  return quoteRecordSchema.parse({
    id: r.id,
    renewalId: r.renewal_id,
    requestedBy: r.requested_by,
    language: r.language,
    createdAt: r.created_at,
    ...(r.note === null ? {} : { note: r.note }),
  });
}

/**
 * Quote requests in the bot's SQLite database (table `quote_requests`, created on first use).
 *
 * @example
 * const quotes = new SqliteQuoteStore(openDatabase('data/bot-state.sqlite'));
 */
export class SqliteQuoteStore implements QuoteStore {
  private readonly insert: Database.Statement;
  private readonly selectByRenewalId: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS quote_requests (
         id TEXT PRIMARY KEY,
         renewal_id TEXT NOT NULL,
         requested_by TEXT NOT NULL,
         language TEXT NOT NULL,
         created_at TEXT NOT NULL,
         note TEXT
       );
       CREATE INDEX IF NOT EXISTS quote_requests_renewal_id ON quote_requests (renewal_id, created_at)`,
    );
    this.insert = db.prepare(
      'INSERT INTO quote_requests (id, renewal_id, requested_by, language, created_at, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectByRenewalId = db.prepare(
      'SELECT * FROM quote_requests WHERE renewal_id = ? ORDER BY created_at, rowid',
    );
  }

  add(record: QuoteRecord): Promise<void> {
    const r = quoteRecordSchema.parse(record);
    // Stored in UTC so that ORDER BY created_at is chronological.
    const createdAt = new Date(r.createdAt).toISOString();
    this.insert.run(r.id, r.renewalId, r.requestedBy, r.language, createdAt, r.note ?? null);
    return Promise.resolve();
  }

  listByRenewalId(renewalId: string): Promise<QuoteRecord[]> {
    return Promise.resolve(this.selectByRenewalId.all(renewalId).map(toRecord));
  }
}
