import type Database from 'better-sqlite3';
import { SqliteTickWriter } from '../sqliteTickWriter.js';
import { transcriptLineSchema, type TranscriptLine } from './handoffCase.js';
import type { TranscriptLog } from './transcriptLog.js';

const TABLE = 'handoff_transcript';

/**
 * Transcripts in the bot's SQLite file, one row per line: appending a turn's lines is a few
 * small inserts in the tick's transaction ({@link SqliteTickWriter}), with no document to read
 * and rewrite; lines beyond the latest `keep` of a conversation are deleted as new ones come.
 */
export class SqliteTranscriptLog implements TranscriptLog {
  private readonly writer: SqliteTickWriter;
  private readonly lastSeq: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly trim: Database.Statement;
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
         conversation TEXT NOT NULL,
         seq INTEGER NOT NULL,
         line TEXT NOT NULL,
         PRIMARY KEY (conversation, seq)
       ) WITHOUT ROWID`,
    );
    this.writer = SqliteTickWriter.of(db);
    this.lastSeq = db.prepare(`SELECT MAX(seq) FROM ${TABLE} WHERE conversation = ?`).pluck();
    this.insert = db.prepare(`INSERT INTO ${TABLE} (conversation, seq, line) VALUES (?, ?, ?)`);
    this.trim = db.prepare(`DELETE FROM ${TABLE} WHERE conversation = ? AND seq <= ?`);
    this.select = db.prepare(`SELECT line FROM ${TABLE} WHERE conversation = ? ORDER BY seq DESC LIMIT ?`).pluck();
  }

  append(conversationKey: string, lines: readonly TranscriptLine[], keep: number): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    const rows = lines.map((line) => JSON.stringify(line));
    return this.writer.run(() => {
      const last: unknown = this.lastSeq.get(conversationKey);
      let seq = typeof last === 'number' ? last : 0;
      for (const row of rows) this.insert.run(conversationKey, (seq += 1), row);
      // Numbers start at 1: until there are more than `keep`, there is nothing to delete.
      if (seq > keep) this.trim.run(conversationKey, seq - keep);
    });
  }

  recent(conversationKey: string, max: number): Promise<TranscriptLine[]> {
    const lines = this.select.all(conversationKey, max).flatMap((row): TranscriptLine[] => {
      if (typeof row !== 'string') return [];
      const parsed = transcriptLineSchema.safeParse(parseJson(row));
      return parsed.success ? [parsed.data] : [];
    });
    return Promise.resolve(lines.reverse());
  }
}

/** A row that is not JSON (edited by hand) is left out, like one that is not a line. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
