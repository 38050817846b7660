import type Database from 'better-sqlite3';
import { z } from 'zod';
import { FEEDBACK_KINDS, type FeedbackEvent } from './feedbackEvent.js';
import type { FeedbackStore } from './feedbackStore.js';
import { SqliteTickWriter } from '../sqliteTickWriter.js';
import { isIntentId, LANGS, NONE, type IntentId, type IntentOrNone } from '../../knowledge/schema.js';

const TABLE = 'feedback_events';

const rowSchema = z.object({
  at: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  conversation: z.string(),
  user: z.string(),
  lang: z.enum(LANGS),
  intent: z.string().nullable(),
  score: z.number().nullable(),
  text: z.string().nullable(),
  options: z.string().nullable(),
});

/** An intent id read back from the file; one that the knowledge base no longer has is dropped. */
function intentOf(value: string | null): IntentOrNone | undefined {
  if (value === null) return undefined;
  return value === NONE || isIntentId(value) ? value : undefined;
}

/**
 * Feedback events in the bot's SQLite file (the same one as the bot state), one row per event,
 * indexed by time for the report and the retention purge.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly purge: Database.Statement;
  /** An event is one row: it joins the tick's transaction instead of committing alone. */
  private readonly writer: SqliteTickWriter;

  constructor(db: Database.Database) {
    this.writer = SqliteTickWriter.of(db);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         at TEXT NOT NULL,
         kind TEXT NOT NULL,
         conversation TEXT NOT NULL,
         user TEXT NOT NULL,
         lang TEXT NOT NULL,
         intent TEXT,
         score REAL,
         text TEXT,
         options TEXT
       );
       CREATE INDEX IF NOT EXISTS ${TABLE}_at ON ${TABLE} (at);`,
    );
    this.insert = db.prepare(
      `INSERT INTO ${TABLE} (at, kind, conversation, user, lang, intent, score, text, options)
       VALUES (@at, @kind, @conversation, @user, @lang, @intent, @score, @text, @options)`,
    );
    this.select = db.prepare(`SELECT at, kind, conversation, user, lang, intent, score, text, options FROM ${TABLE} WHERE at >= ? ORDER BY at, id`);
    this.purge = db.prepare(`DELETE FROM ${TABLE} WHERE at < ?`);
  }

  add(event: FeedbackEvent): Promise<void> {
    const row = {
      at: event.at,
      kind: event.kind,
      conversation: event.conversation,
      user: event.user,
      lang: event.lang,
      intent: event.intent ?? null,
      score: event.score ?? null,
      text: event.text ?? null,
      options: event.options ? event.options.join(',') : null,
    };
    return this.writer.run(() => {
      this.insert.run(row);
    }, { oneWrite: true });
  }

  since(from: Date): Promise<FeedbackEvent[]> {
    const events = this.select.all(from.toISOString()).flatMap((raw): FeedbackEvent[] => {
      const parsed = rowSchema.safeParse(raw);
      if (!parsed.success) return [];
      const row = parsed.data;
      const intent = intentOf(row.intent);
      const options = row.options?.split(',').filter((o): o is IntentId => isIntentId(o));
      return [{
        at: row.at,
        kind: row.kind,
        conversation: row.conversation,
        user: row.user,
        lang: row.lang,
        ...(intent !== undefined ? { intent } : {}),
        ...(row.score !== null ? { score: row.score } : {}),
        ...(row.text !== null ? { text: row.text } : {}),
        ...(options ? { options } : {}),
      }];
    });
    return Promise.resolve(events);
  }

  purgeBefore(cutoff: Date): Promise<number> {
    return Promise.resolve(this.purge.run(cutoff.toISOString()).changes);
  }
}
