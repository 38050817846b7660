import { MemoryStorage } from 'botbuilder-core';
import { describe, expect, it } from 'vitest';
import { StorageCaseStore, type HandoffCase } from '../../../services/handoff/index.js';

const AT = '2026-11-30T10:00:00.000Z';

function aCase(id: string): HandoffCase {
  return {
    id, status: 'waiting', createdAt: AT, updatedAt: AT, conversationKey: 'webchat:c', lang: 'fr', channel: 'webchat',
    reason: 'asked', summary: 's', address: {}, transcript: [], messages: [], notes: [],
  };
}

function sequence(...ids: string[]): () => string {
  return () => ids.shift() ?? 'CS-99999';
}

describe('StorageCaseStore', () => {
  it('lists open cases without the closed ones, and moves a closing case to the closed index', async () => {
    const store = new StorageCaseStore(new MemoryStorage(), sequence('CS-10001', 'CS-10002'));
    await store.create(aCase);
    await store.create(aCase);
    await store.update('CS-10001', (c) => ({ ...c, status: 'closed', closedAt: AT }));
    expect((await store.list('open')).map((c) => c.id)).toEqual(['CS-10002']);
    expect((await store.list('closed')).map((c) => c.id)).toEqual(['CS-10001']);
    expect((await store.list('all')).map((c) => c.id).sort()).toEqual(['CS-10001', 'CS-10002']);
    await store.remove(['CS-10001']);
    expect((await store.list('all')).map((c) => c.id)).toEqual(['CS-10002']);
    expect(await store.get('CS-10001')).toBeUndefined();
  });

  it('loses no case when two instances create the first cases at the same moment', async () => {
    const storage = new MemoryStorage();
    const a = new StorageCaseStore(storage, sequence('CS-20001', 'CS-20003', 'CS-20005'));
    const b = new StorageCaseStore(storage, sequence('CS-20002', 'CS-20004', 'CS-20006'));
    await Promise.all([a.create(aCase), b.create(aCase), a.create(aCase), b.create(aCase), a.create(aCase), b.create(aCase)]);
    expect((await a.list('open')).map((c) => c.id).sort()).toEqual(['CS-20001', 'CS-20002', 'CS-20003', 'CS-20004', 'CS-20005', 'CS-20006']);
  });

  it('keeps both cases when two instances draw the same case number at the same moment', async () => {
    const storage = new MemoryStorage();
    const a = new StorageCaseStore(storage, sequence('CS-40001', 'CS-40003'));
    const b = new StorageCaseStore(storage, sequence('CS-40001', 'CS-40002'));
    const created = await Promise.all([a.create((id) => ({ ...aCase(id), summary: 'from a' })), b.create((id) => ({ ...aCase(id), summary: 'from b' }))]);
    expect(new Set(created.map((c) => c.id)).size).toBe(2);
    const open = await a.list('open');
    expect(open.map((c) => c.summary).sort()).toEqual(['from a', 'from b']);
  });

  it('ignores an item that is not a case (hand-edited or foreign data)', async () => {
    const storage = new MemoryStorage();
    const store = new StorageCaseStore(storage, sequence('CS-30001'));
    await store.create(aCase);
    await storage.write({ 'handoff/case/CS-30001': { case: { id: 'CS-30001', status: 'lost' } } });
    expect(await store.get('CS-30001')).toBeUndefined();
    expect(await store.list('all')).toEqual([]);
  });

  it("counts a new case's place in the queue from the open index, without reading every open case", async () => {
    const storage = new MemoryStorage();
    const caseReads: string[] = [];
    const watched = {
      read: (keys: string[]) => {
        caseReads.push(...keys.filter((k) => k.startsWith('handoff/case/')));
        return storage.read(keys);
      },
      write: (changes: Record<string, object>) => storage.write(changes),
      delete: (keys: string[]) => storage.delete(keys),
    };
    const store = new StorageCaseStore(watched, sequence('CS-50001', 'CS-50002', 'CS-50003', 'CS-50004'));
    for (let i = 0; i < 4; i += 1) await store.create(aCase);
    await store.update('CS-50001', (c) => ({ ...c, status: 'assigned', agent: 'Marie' }));
    await store.update('CS-50002', (c) => ({ ...c, status: 'closed', closedAt: AT }));
    caseReads.length = 0;
    expect(await store.countWaiting()).toBe(2);
    expect(await store.countWaiting('CS-50004')).toBe(1);
    expect(caseReads).toEqual([]);
    // Released by the agent: waiting again, at the back of the queue.
    await store.update('CS-50001', (c) => ({ ...c, status: 'waiting', agent: undefined }));
    expect(await store.countWaiting()).toBe(3);
    await store.remove(['CS-50003']);
    expect(await store.countWaiting()).toBe(2);
  });

  it('counts the waiting cases of two instances creating and claiming at the same moment', async () => {
    const storage = new MemoryStorage();
    const a = new StorageCaseStore(storage, sequence('CS-60001', 'CS-60003', 'CS-60005'));
    const b = new StorageCaseStore(storage, sequence('CS-60002', 'CS-60004', 'CS-60006'));
    await Promise.all([a.create(aCase), b.create(aCase), a.create(aCase), b.create(aCase)]);
    await Promise.all([
      a.create(aCase), b.create(aCase),
      a.update('CS-60001', (c) => ({ ...c, status: 'assigned', agent: 'Marie' })),
      b.update('CS-60002', (c) => ({ ...c, status: 'closed', closedAt: AT })),
    ]);
    const waiting = (await a.list('open')).filter((c) => c.status === 'waiting').length;
    expect(waiting).toBe(4);
    expect(await b.countWaiting()).toBe(4);
  });

  it('counts by reading the cases when the open index predates the waiting list, and starts the list once no case is open', async () => {
    const storage = new MemoryStorage();
    const store = new StorageCaseStore(storage, sequence('CS-70003'));
    // Written by the version before: an open index without its waiting list.
    await storage.write({
      'handoff/case/CS-70001': { case: aCase('CS-70001') },
      'handoff/case/CS-70002': { case: { ...aCase('CS-70002'), status: 'assigned', agent: 'Marie' } },
      'handoff/index/open': { ids: ['CS-70001', 'CS-70002'] },
    });
    expect(await store.countWaiting()).toBe(1);
    await store.create(aCase);
    expect(await store.countWaiting()).toBe(2);
    for (const id of ['CS-70001', 'CS-70002', 'CS-70003']) await store.update(id, (c) => ({ ...c, status: 'closed', closedAt: AT }));
    expect((await storage.read(['handoff/index/open']))['handoff/index/open']).toMatchObject({ ids: [], waiting: [] });
    expect(await store.countWaiting()).toBe(0);
  });
});
