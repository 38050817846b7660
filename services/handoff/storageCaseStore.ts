import { z } from 'zod';
import { randomCaseId, type CaseIdGenerator } from './caseId.js';
import type { CaseStore, KeyValueStore } from './caseStore.js';
import { HandoffError } from './handoffError.js';
import { handoffCaseSchema, type HandoffCase } from './handoffCase.js';

const INDEX_KEY = 'handoff/index';
const caseKey = (id: string) => `handoff/case/${id}`;

const indexSchema = z.object({ ids: z.array(z.string()), eTag: z.string().optional() });
const itemSchema = z.object({ case: handoffCaseSchema, eTag: z.string().optional() });

/** Tries of a read-change-write before giving up on a busy item. */
const MAX_TRIES = 8;
const MAX_ID_TRIES = 20;

/**
 * Cases on the bot's own Storage: one item per case (`handoff/case/CS-48213`) and an index of
 * the case ids (`handoff/index`), each written with its eTag so that instances sharing the
 * storage never lose each other's changes: a write with a stale eTag is refused by the
 * storage and done again on the fresh copy.
 */
export class StorageCaseStore implements CaseStore {
  constructor(private readonly storage: KeyValueStore, private readonly newId: CaseIdGenerator = randomCaseId) {}

  async create(build: (id: string) => HandoffCase): Promise<HandoffCase> {
    for (let i = 0; i < MAX_ID_TRIES; i += 1) {
      const id = this.newId();
      if (await this.get(id)) continue;
      const created = handoffCaseSchema.parse(build(id));
      await this.storage.write({ [caseKey(id)]: { case: created } });
      await this.changeIndex((ids) => (ids.includes(id) ? ids : [...ids, id]), (ids) => ids.includes(id));
      return created;
    }
    throw new HandoffError('busy', 'no free case number was found');
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    return (await this.readItem(id))?.case;
  }

  async list(): Promise<HandoffCase[]> {
    const { ids } = await this.readIndex();
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
        return next;
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
      }
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.storage.delete(ids.map(caseKey));
    const gone = new Set(ids);
    await this.changeIndex((current) => current.filter((id) => !gone.has(id)), (current) => current.every((id) => !gone.has(id)));
  }

  private async readItem(id: string): Promise<z.infer<typeof itemSchema> | undefined> {
    const key = caseKey(id);
    const items = await this.storage.read([key]);
    const parsed = itemSchema.safeParse(items[key]);
    return parsed.success ? parsed.data : undefined;
  }

  private async readIndex(): Promise<z.infer<typeof indexSchema>> {
    const items = await this.storage.read([INDEX_KEY]);
    const parsed = indexSchema.safeParse(items[INDEX_KEY]);
    return parsed.success ? parsed.data : { ids: [] };
  }

  /**
   * Changes the index under its eTag. The very first write has no eTag to hold (the storage
   * cannot create-if-absent), so two instances creating the index at once could overwrite each
   * other: the change is read back and made again until `done` sees it.
   */
  private async changeIndex(change: (ids: string[]) => string[], done: (ids: string[]) => boolean): Promise<void> {
    for (let i = 0; ; i += 1) {
      const index = await this.readIndex();
      const created = index.eTag === undefined;
      try {
        await this.storage.write({ [INDEX_KEY]: { ids: change(index.ids), eTag: index.eTag ?? '*' } });
        if (!created || done((await this.readIndex()).ids)) return;
      } catch (error) {
        if (i + 1 >= MAX_TRIES) throw error;
      }
      if (i + 1 >= MAX_TRIES) throw new HandoffError('busy', 'the case index kept changing');
    }
  }
}
