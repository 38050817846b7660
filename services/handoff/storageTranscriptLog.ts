import { z } from 'zod';
import { CREATE_ONLY_ETAG, isETagConflict } from '../createOnly.js';
import type { KeyValueStore } from './caseStore.js';
import { transcriptLineSchema, type TranscriptLine } from './handoffCase.js';
import type { TranscriptLog } from './transcriptLog.js';

const itemSchema = z.object({ lines: z.array(transcriptLineSchema), eTag: z.string().optional() });
const keyOf = (conversationKey: string) => `handoff/transcript/${conversationKey}`;
/** Another instance appended meanwhile (a stale eTag): read its version and append again. */
const MAX_TRIES = 5;

/**
 * Transcripts on the bot's own Storage (memory in tests, Blob Storage with several instances):
 * one item per conversation, written with the eTag read (create-only when new), so two
 * instances appending to one conversation never drop each other's lines.
 */
export class StorageTranscriptLog implements TranscriptLog {
  constructor(private readonly storage: KeyValueStore) {}

  async append(conversationKey: string, lines: readonly TranscriptLine[], keep: number): Promise<void> {
    if (lines.length === 0) return;
    const key = keyOf(conversationKey);
    for (let attempt = 1; ; attempt += 1) {
      const stored = await this.read(key);
      const next = [...(stored?.lines ?? []), ...lines].slice(-keep);
      try {
        await this.storage.write({ [key]: { lines: next, eTag: stored?.eTag ?? CREATE_ONLY_ETAG } });
        return;
      } catch (error) {
        if (attempt >= MAX_TRIES || !isETagConflict(error)) throw error;
      }
    }
  }

  async recent(conversationKey: string, max: number): Promise<TranscriptLine[]> {
    return (await this.read(keyOf(conversationKey)))?.lines.slice(-max) ?? [];
  }

  private async read(key: string): Promise<z.infer<typeof itemSchema> | undefined> {
    const raw = (await this.storage.read([key]))[key];
    if (raw === undefined) return undefined;
    const parsed = itemSchema.safeParse(raw);
    // An unreadable item is started again rather than blocking every later turn; its eTag is kept.
    if (!parsed.success) {
      const eTag = typeof raw === 'object' && raw !== null && 'eTag' in raw && typeof raw.eTag === 'string' ? raw.eTag : undefined;
      return { lines: [], ...(eTag ? { eTag } : {}) };
    }
    return parsed.data;
  }
}
