import type { Clock } from '../../../services/clock.js';

/** An activity as JSON: the store keeps what it is given and knows nothing of botbuilder. */
export interface ActivityJson {
  type: string;
  id?: string;
  timestamp?: string;
  [key: string]: unknown;
}

export interface ConversationInfo {
  id: string;
  userId: string;
  /** The locale the conversation was started with (e.g. "fr-FR"). */
  locale?: string;
}

export interface ActivitySet {
  activities: ActivityJson[];
  /** Pass it back to get only what came after. */
  watermark: string;
}

export interface ConversationStoreOptions {
  clock: Clock;
  /** Conversations kept at once; the least recently active one goes first. @default 1000 */
  maxConversations?: number;
  /** Activities kept per conversation; the oldest go first. @default 500 */
  maxActivities?: number;
  /** A conversation nobody touched for this long is forgotten. @default 3600000 (one hour) */
  idleMs?: number;
  /** Bytes of JSON kept per conversation; the oldest activities go first. @default 262144 */
  conversationBudgetBytes?: number;
  /** Bytes of JSON kept in all; the least recently active conversations go first. @default 16777216 */
  totalBudgetBytes?: number;
}

interface Entry {
  info: ConversationInfo;
  /** Activities in arrival order, each with its sequence number (its watermark). */
  transcript: Array<{ seq: number; activity: ActivityJson; bytes: number }>;
  /** Bytes of JSON of the transcript. */
  bytes: number;
  lastSeq: number;
  lastActive: number;
}

/**
 * The transcripts of the embedded Direct Line endpoint, in memory with limits. A watermark is
 * the sequence number of the last activity a client has; `since(id, 0)` is the whole history.
 */
export class ConversationStore {
  /** In least-recently-active order: touching an entry moves it to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly maxConversations: number;
  private readonly maxActivities: number;
  private readonly idleMs: number;
  private readonly conversationBudget: number;
  private readonly totalBudget: number;
  private totalBytes = 0;

  constructor(private readonly options: ConversationStoreOptions) {
    this.maxConversations = options.maxConversations ?? 1000;
    this.maxActivities = options.maxActivities ?? 500;
    this.idleMs = options.idleMs ?? 3_600_000;
    this.conversationBudget = options.conversationBudgetBytes ?? 262_144;
    this.totalBudget = options.totalBudgetBytes ?? 16_777_216;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of JSON held in all transcripts. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Starts the conversation, or finds it when it already exists (a client resuming). */
  start(info: ConversationInfo): { conversation: ConversationInfo; created: boolean } {
    const existing = this.entry(info.id);
    if (existing) return { conversation: { ...existing.info }, created: false };
    this.makeRoom();
    this.entries.set(info.id, { info: { ...info }, transcript: [], bytes: 0, lastSeq: 0, lastActive: this.now() });
    return { conversation: { ...info }, created: true };
  }

  get(id: string): ConversationInfo | undefined {
    const entry = this.entry(id);
    return entry ? { ...entry.info } : undefined;
  }

  /**
   * Adds an activity to the transcript with the next watermark; an activity that keeps the id of
   * an earlier one is an update, and clients replace the earlier one when they receive it.
   * Returns the stored activity, or undefined when the conversation is unknown.
   */
  append(id: string, activity: ActivityJson): ActivityJson | undefined {
    const entry = this.entry(id);
    if (!entry) return undefined;
    const seq = entry.lastSeq + 1;
    const stored: ActivityJson = {
      ...structuredClone(activity),
      id: activity.id ?? `${id}|${String(seq).padStart(7, '0')}`,
      timestamp: this.options.clock.now().toISOString(),
    };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    entry.lastSeq = seq;
    entry.transcript.push({ seq, activity: stored, bytes });
    entry.bytes += bytes;
    this.totalBytes += bytes;
    while (entry.transcript.length > 1 && (entry.transcript.length > this.maxActivities || entry.bytes > this.conversationBudget)) {
      this.dropOldest(entry);
    }
    this.keepWithinTotal(id);
    return structuredClone(stored);
  }

  /** Whether the conversation holds an activity with this id. */
  has(id: string, activityId: string): boolean {
    return this.entry(id)?.transcript.some((item) => item.activity.id === activityId) ?? false;
  }

  /** The activities after a watermark, or undefined when the conversation is unknown. */
  since(id: string, watermark: number): ActivitySet | undefined {
    const entry = this.entry(id);
    if (!entry) return undefined;
    const activities = entry.transcript.filter((item) => item.seq > watermark).map((item) => structuredClone(item.activity));
    return { activities, watermark: String(entry.lastSeq) };
  }

  private dropOldest(entry: Entry): void {
    const dropped = entry.transcript.shift();
    if (!dropped) return;
    entry.bytes -= dropped.bytes;
    this.totalBytes -= dropped.bytes;
  }

  /** Forgets the least recently active conversations (never `keep`) while over the total budget. */
  private keepWithinTotal(keep: string): void {
    for (const id of this.entries.keys()) {
      if (this.totalBytes <= this.totalBudget) return;
      if (id !== keep) this.forget(id);
    }
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.totalBytes -= entry.bytes;
    this.entries.delete(id);
  }

  /** The entry if it exists and has not expired; touching it keeps it alive. */
  private entry(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const now = this.now();
    if (now - entry.lastActive > this.idleMs) {
      this.forget(id);
      return undefined;
    }
    this.entries.delete(id);
    entry.lastActive = now;
    this.entries.set(id, entry);
    return entry;
  }

  private makeRoom(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastActive > this.idleMs || this.entries.size >= this.maxConversations) this.forget(id);
      else break;
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
