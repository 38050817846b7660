import { z } from 'zod';
import { CREATE_ONLY_ETAG } from '../createOnly.js';
import { randomCaseId, type CaseIdGenerator } from './caseId.js';
import type { CaseScope, CaseStore, KeyValueStore } from './caseStore.js';
import { HandoffError } from './handoffError.js';
import { handoffCaseSchema, type HandoffCase } from './handoffCase.js';

const INDEX_KEYS = { open: 'handoff/index/open', closed: 'handoff/index/closed' } as const;
type IndexName = keyof typeof INDEX_KEYS;
const caseKey = (id: string) => `handoff/case/${id}`;

const indexSchema = z.object({ ids: z.array(z.string()), eTag: z.string().optional() });
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
      }
      return next;
    }
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

  private async readIndex(name: IndexName): Promise<z.infer<typeof indexSchema>> {
    const key = INDEX_KEYS[name];
    const items = await this.storage.read([key]);
    const parsed = indexSchema.safeParse(items[key]);
    return parsed.success ? parsed.data : { ids: [] };
  }

  private addTo(name: IndexName, id: string): Promise<void> {
    return this.changeIndex(name, (ids) => (ids.includes(id) ? ids : [...ids, id]), (ids) => ids.includes(id));
  }

  private removeFrom(name: IndexName, ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    return this.changeIndex(name, (current) => current.filter((id) => !gone.has(id)), (current) => current.every((id) => !gone.has(id)));
  }

  /**
   * Changes the index under the eTag it was read with, or creates it create-only; when another
   * instance wrote it meanwhile, reads it again and makes the change on the fresh copy.
   */
  private async changeIndex(name: IndexName, change: (ids: string[]) => string[], done: (ids: string[]) => boolean): Promise<void> {
    for (let i = 0; ; i += 1) {
      const index = await this.readIndex(name);
      if (done(index.ids)) return;
      try {
        await this.storage.write({ [INDEX_KEYS[name]]: { ids: change(index.ids), eTag: index.eTag ?? CREATE_ONLY_ETAG } });
        return;
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
        await backOff(i);
      }
    }
  }
}
