import { z } from 'zod';
import type { KeyValueStore } from './caseStore.js';
import type { CustomerNotice } from './handoffService.js';

/** Notices kept per conversation until picked up; the oldest go first beyond this. */
const MAX_WAITING = 200;
const MAX_TRIES = 8;

const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claimed'), agent: z.string() }),
  z.object({ kind: z.literal('agent-message'), agent: z.string(), text: z.string() }),
  z.object({ kind: z.literal('released') }),
  z.object({ kind: z.literal('closed'), resolution: z.string() }),
  z.object({ kind: z.literal('no-agent'), backAt: z.iso.datetime().optional() }),
]);
const entrySchema = z.object({ seq: z.number().int().min(1), caseId: z.string(), notice: noticeSchema });
const boxSchema = z.object({ next: z.number().int().min(1), entries: z.array(entrySchema), eTag: z.string().optional() });
type Box = z.infer<typeof boxSchema>;

/** One notice waiting for its conversation to pick it up. */
export interface PendingNotice {
  /** Increases with each notice of the conversation: `done(key, seq)` removes up to it. */
  seq: number;
  caseId: string;
  notice: CustomerNotice;
}

const boxKey = (conversationKey: string) => `handoff/pickup/${conversationKey}`;

/**
 * Notices for customers whose channel the server cannot reach (the terminal of `npm run chat`
 * is another process): kept in the bot's storage, per conversation, until that conversation
 * picks them up. Written with eTags, so the agent's instance adding and the terminal removing
 * at the same moment never lose a notice.
 *
 * @example
 * await pending.add('console:console-1', 'CS-48213', { kind: 'agent-message', agent: 'Marie', text: 'Hello' });
 * for (const n of await pending.waiting('console:console-1')) show(n);
 * await pending.done('console:console-1', lastSeq);
 */
export class PendingNotices {
  constructor(private readonly storage: KeyValueStore) {}

  add(conversationKey: string, caseId: string, notice: CustomerNotice): Promise<void> {
    const stored = notice.kind === 'no-agent'
      ? { kind: notice.kind, ...(notice.backAt ? { backAt: notice.backAt.toISOString() } : {}) }
      : notice;
    let seq = 0;
    return this.change(conversationKey, (box) => {
      seq = box.next;
      return { next: box.next + 1, entries: [...box.entries, { seq, caseId, notice: stored }].slice(-MAX_WAITING) };
    }, (box) => box.entries.some((entry) => entry.seq === seq && entry.caseId === caseId));
  }

  /** The notices waiting for this conversation, oldest first. */
  async waiting(conversationKey: string): Promise<PendingNotice[]> {
    const box = await this.read(conversationKey);
    return box.entries.map((entry) => ({ seq: entry.seq, caseId: entry.caseId, notice: toNotice(entry.notice) }));
  }

  /** Removes the notices up to `seq`, once shown. */
  done(conversationKey: string, seq: number): Promise<void> {
    return this.change(conversationKey, (box) => ({ next: box.next, entries: box.entries.filter((entry) => entry.seq > seq) }));
  }

  /** Deletes what still waits about a case (purged with it: agent's words kept no longer than the case). */
  async forgetCase(conversationKey: string, caseId: string): Promise<void> {
    const box = await this.read(conversationKey);
    if (!box.entries.some((entry) => entry.caseId === caseId)) return;
    await this.change(conversationKey, (current) => ({ next: current.next, entries: current.entries.filter((entry) => entry.caseId !== caseId) }));
  }

  private async read(conversationKey: string): Promise<Box> {
    const key = boxKey(conversationKey);
    const parsed = boxSchema.safeParse((await this.storage.read([key]))[key]);
    return parsed.success ? parsed.data : { next: 1, entries: [] };
  }

  /**
   * Changes the box under its eTag. The first write has no eTag to hold (the storage cannot
   * create-if-absent): two instances creating the box at once could overwrite each other, so
   * `landed` reads the new box back and the change is made again until it is there.
   */
  private async change(conversationKey: string, rule: (box: Box) => Omit<Box, 'eTag'>, landed?: (box: Box) => boolean): Promise<void> {
    for (let i = 0; ; i += 1) {
      const box = await this.read(conversationKey);
      try {
        await this.storage.write({ [boxKey(conversationKey)]: { ...rule(box), eTag: box.eTag ?? '*' } });
        if (box.eTag !== undefined || !landed || landed(await this.read(conversationKey))) return;
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
      }
      if (i + 1 >= MAX_TRIES) throw new Error(`the pending notices of ${conversationKey} kept changing`);
    }
  }
}

function toNotice(stored: z.infer<typeof noticeSchema>): CustomerNotice {
  return stored.kind === 'no-agent' ? { kind: 'no-agent', backAt: stored.backAt ? new Date(stored.backAt) : undefined } : stored;
}
