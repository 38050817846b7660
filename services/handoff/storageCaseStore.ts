import { z } from 'zod';
import { CREATE_ONLY_ETAG } from '../createOnly.js';
import { randomCaseId, type CaseIdGenerator } from './caseId.js';
import type { CaseScope, CaseStore, KeyValueStore } from './caseStore.js';
import { HandoffError } from './handoffError.js';
import { handoffCaseSchema, type HandoffCase } from './handoffCase.js';

const INDEX_KEYS = { open: 'handoff/index/open', closed: 'handoff/index/closed' } as const;
type IndexName = keyof typeof INDEX_KEYS;
const caseKey = (id: string) => `handoff/case/${id}`;

/**
 * An index of case ids. The open index also lists, in `waiting`, the open cases that wait for an
 * agent, so that a new case's place in the queue is counted without reading every open case
 * (each new case read them all: the cost grew with the queue). An open index written before
 * `waiting` existed has none; it starts once no case is open, and until then the count reads
 * the cases as before.
 */
const indexSchema = z.object({ ids: z.array(z.string()), waiting: z.array(z.string()).optional(), eTag: z.string().optional() });
type Index = z.infer<typeof indexSchema>;
/** An index as written: its ids, and for the open index the waiting ones (when tracked). */
type IndexContent = Pick<Index, 'ids' | 'waiting'>;
const itemSchema = z.object({ case: handoffCaseSchema, eTag: z.string().optional() });

/** Tries of a read-change-write before giving up on a busy item. */
const MAX_TRIES = 20;

/** After a refused write: a short random wait, longer each time, so racing instances spread out. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * 2 ** attempt)));
const MAX_ID_TRIES = 20;

/**
 * Cases on the bot's own Storage: one item per case (`handoff/case/CS-48213`) and two indexes
 * of case ids, open and closed (`handoff/index/open`, `handoff/index/closed`), each written
 * with its eTag so that instances sharing the storage never lose each other's changes: a write
 * with a stale eTag is refused by the storage and done again on the fresh copy. What is new (a
 * case, an index) is written create-only ({@link CREATE_ONLY_ETAG}), so two instances that
 * picked the same case number, or create an index at once, cannot overwrite each other: the
 * refused one takes another number, or changes the index the other created. A closing case is
 * added to the closed index before it leaves the open one, so it is never in neither.
 */
export class StorageCaseStore implements CaseStore {
  constructor(private readonly storage: KeyValueStore, private readonly newId: CaseIdGenerator = randomCaseId) {}

  async create(build: (id: string) => HandoffCase): Promise<HandoffCase> {
    for (let i = 0; i < MAX_ID_TRIES; i += 1) {
      const id = this.newId();
      if (await this.get(id)) continue;
      const created = handoffCaseSchema.parse(build(id));
      try {
        await this.storage.write({ [caseKey(id)]: { case: created, eTag: CREATE_ONLY_ETAG } });
      } catch (error) {
        // Refused because another instance took this number since it was read as free: try
        // another one. Any other failure (the storage is down) is the caller's to see.
        if (await this.get(id)) continue;
        throw error;
      }
      await this.addTo('open', id);
      return created;
    }
    throw new HandoffError('busy', 'no free case number was found');
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    return (await this.readItem(id))?.case;
  }

  async list(scope: CaseScope): Promise<HandoffCase[]> {
    const open = scope === 'closed' ? [] : (await this.readIndex('open')).ids;
    const closed = scope === 'open' ? [] : (await this.readIndex('closed')).ids;
    const ids = [...new Set([...open, ...closed])];
    if (ids.length === 0) return [];
    const items = await this.storage.read(ids.map(caseKey));
    return ids.flatMap((id) => {
      const parsed = itemSchema.safeParse(items[caseKey(id)]);
      return parsed.success ? [parsed.data.case] : [];
    });
  }

  async update(id: string, change: (current: HandoffCase) => HandoffCase): Promise<HandoffCase> {
    for (let i = 0; ; i += 1) {
      const item = await this.readItem(id);
      if (!item) throw new HandoffError('not-found', `no case ${id}`);
      const next = handoffCaseSchema.parse(change(item.case));
      try {
        await this.storage.write({ [caseKey(id)]: { case: next, eTag: item.eTag ?? '*' } });
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
        await backOff(i);
        continue;
      }
      if (item.case.status !== 'closed' && next.status === 'closed') {
        await this.addTo('closed', id);
        await this.removeFrom('open', [id]);
      } else if (item.case.status !== next.status && (item.case.status === 'waiting' || next.status === 'waiting')) {
        await this.markWaiting(id, next.status === 'waiting');
      }
      return next;
    }
  }

  async countWaiting(except?: string): Promise<number> {
    const open = await this.readIndex('open');
    if (!open.waiting) return (await this.list('open')).filter((c) => c.status === 'waiting' && c.id !== except).length;
    const ids = new Set(open.ids);
    return open.waiting.filter((id) => id !== except && ids.has(id)).length;
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.storage.delete(ids.map(caseKey));
    await this.removeFrom('closed', ids);
    await this.removeFrom('open', ids);
  }

  private async readItem(id: string): Promise<z.infer<typeof itemSchema> | undefined> {
    const key = caseKey(id);
    const items = await this.storage.read([key]);
    const parsed = itemSchema.safeParse(items[key]);
    return parsed.success ? parsed.data : undefined;
  }

  private async readIndex(name: IndexName): Promise<Index> {
    const key = INDEX_KEYS[name];
    const items = await this.storage.read([key]);
    const parsed = indexSchema.safeParse(items[key]);
    return parsed.success ? parsed.data : { ids: [] };
  }

  /** Adds a case to an index; a new case waits, so the open index lists it as waiting too (when tracked). */
  private addTo(name: IndexName, id: string): Promise<void> {
    return this.changeIndex(
      name,
      (index, exists) => {
        const ids = index.ids.includes(id) ? index.ids : [...index.ids, id];
        if (name !== 'open') return { ids };
        // A new open index tracks the waiting cases from the start.
        const waiting = exists ? index.waiting : [];
        return waiting ? { ids, waiting: waiting.includes(id) ? waiting : [...waiting, id] } : { ids };
      },
      (index) => index.ids.includes(id) && (name !== 'open' || !index.waiting || index.waiting.includes(id)),
    );
  }

  /** Removes cases from an index (and from the open index's waiting ones); an open index left empty starts tracking them. */
  private removeFrom(name: IndexName, ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.changeIndex(
      name,
      (index) => {
        const kept = index.ids.filter((id) => !gone.has(id));
        if (name !== 'open') return { ids: kept };
        const waiting = index.waiting ?? (kept.length === 0 ? [] : undefined);
        return waiting ? { ids: kept, waiting: waiting.filter((id) => !gone.has(id)) } : { ids: kept };
      },
      (index) => index.ids.every((id) => !gone.has(id)) && (index.waiting ?? []).every((id) => !gone.has(id)),
    );
  }

  /** A case that started or stopped waiting for an agent (claimed, released), in the open index's waiting ones. */
  private markWaiting(id: string, waiting: boolean): Promise<void> {
    return this.changeIndex(
      'open',
      (index) => {
        if (!index.waiting) return index;
        const others = index.waiting.filter((other) => other !== id);
        return { ids: index.ids, waiting: waiting && index.ids.includes(id) ? [...others, id] : others };
      },
      (index) => !index.waiting || index.waiting.includes(id) === (waiting && index.ids.includes(id)),
    );
  }

  /**
   * Changes the index under the eTag it was read with, or creates it create-only; when another
   * instance wrote it meanwhile, reads it again and makes the change on the fresh copy.
   */
  private async changeIndex(name: IndexName, change: (index: Index, exists: boolean) => IndexContent, done: (index: Index) => boolean): Promise<void> {
    for (let i = 0; ; i += 1) {
      const index = await this.readIndex(name);
      if (done(index)) return;
      const { ids, waiting } = change(index, index.eTag !== undefined);
      try {
        await this.storage.write({ [INDEX_KEYS[name]]: { ids, ...(waiting ? { waiting } : {}), eTag: index.eTag ?? CREATE_ONLY_ETAG } });
        return;
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
        await backOff(i);
      }
    }
  }
}
