import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { FEEDBACK_KINDS, type FeedbackEvent, type FeedbackStore } from '../../services/feedback/index.js';
import { isIntentId, LANGS, NONE, type IntentId, type IntentOrNone } from '../../knowledge/schema.js';
import { statusOf, type BlobDocuments } from './blobDocuments.js';

const PREFIX = 'feedback/';
const HOUR_MS = 3_600_000;
/** Blobs read at once by a report. */
const READ_CONCURRENCY = 16;

const lineSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(FEEDBACK_KINDS),
  conversation: z.string(),
  user: z.string(),
  lang: z.enum(LANGS),
  intent: z.string().optional(),
  score: z.number().optional(),
  text: z.string().optional(),
  options: z.array(z.string()).optional(),
});

/** `2026-11-30T10`: the hour an event belongs to, as its blob folder is named. */
const hourOf = (iso: string) => iso.slice(0, 13);
const hourNamed = /^feedback\/(\d{4}-\d{2}-\d{2}T\d{2})\//;

/** An event read back; an intent the knowledge base no longer has is dropped, as in SQLite. */
function eventOf(raw: unknown): FeedbackEvent | undefined {
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { intent, options, ...rest } = parsed.data;
  const known: IntentOrNone | undefined = intent === NONE || (intent !== undefined && isIntentId(intent)) ? intent : undefined;
  const offered = options?.filter((o): o is IntentId => isIntentId(o));
  return { ...rest, ...(known !== undefined ? { intent: known } : {}), ...(offered ? { options: offered } : {}) };
}

/**
 * Feedback events in the bot's Blob Storage container, beside the state (no second database):
 * one append blob per hour and per writing instance, `feedback/2026-11-30T10/<writer>.ndjson`,
 * one JSON line per event. Appends are atomic blocks, so instances never contend; a report lists
 * the hours it covers and reads those blobs; the retention purge deletes whole hours, so an
 * event outlives the retention period by at most an hour plus the time to the next purge.
 *
 * @example
 * const store = new BlobFeedbackStore(new BlobDocuments(containerPromise));
 */
export class BlobFeedbackStore implements FeedbackStore {
  /** This instance's name in the blob names; changed when an append blob is full (50,000 blocks). */
  private writer: string;

  /** @param newWriter names this instance's blobs (tests); random by default. */
  constructor(private readonly docs: BlobDocuments, private readonly newWriter: () => string = () => randomBytes(6).toString('hex')) {
    this.writer = newWriter();
  }

  async add(event: FeedbackEvent): Promise<void> {
    // Checked before it is stored: its time names the blob. The leading newline keeps the event
    // on a line of its own even after a line left unfinished (hand-edited, foreign writer).
    const line = `\n${JSON.stringify(lineSchema.parse(event))}\n`;
    try {
      await this.docs.append(this.name(event), line);
    } catch (error) {
      // BlockCountExceedsLimit: this hour's blob is full; carry on in a new one.
      if (statusOf(error) !== 409) throw error;
      this.writer = this.newWriter();
      await this.docs.append(this.name(event), line);
    }
  }

  async since(from: Date): Promise<FeedbackEvent[]> {
    const start = from.toISOString();
    const names = (await this.hours()).filter((h) => h.hour >= hourOf(start)).map((h) => h.name);
    const events = (await this.readAll(names)).filter((e) => e.at >= start);
    return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const old = (await this.hours()).filter((h) => Date.parse(`${h.hour}:00:00.000Z`) + HOUR_MS <= cutoff.getTime());
    let deleted = 0;
    for (const { name } of old) {
      deleted += (await this.readAll([name])).length;
      await this.docs.delete(name);
    }
    return deleted;
  }

  private async hours(): Promise<Array<{ name: string; hour: string }>> {
    return (await this.docs.list(PREFIX)).flatMap(({ name }) => {
      const hour = hourNamed.exec(name)?.[1];
      return hour ? [{ name, hour }] : [];
    });
  }

  private async readAll(names: readonly string[]): Promise<FeedbackEvent[]> {
    const out: FeedbackEvent[] = [];
    for (let i = 0; i < names.length; i += READ_CONCURRENCY) {
      const texts = await Promise.all(names.slice(i, i + READ_CONCURRENCY).map((name) => this.docs.readText(name)));
      for (const text of texts) out.push(...linesOf(text ?? ''));
    }
    return out;
  }

  private name(event: FeedbackEvent): string {
    return `${PREFIX}${hourOf(event.at)}/${this.writer}.ndjson`;
  }
}

/** The events of one blob; a line that does not parse (cut short, hand-edited) is skipped. */
function linesOf(text: string): FeedbackEvent[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      const event = eventOf(JSON.parse(line));
      return event ? [event] : [];
    } catch {
      return [];
    }
  });
}
