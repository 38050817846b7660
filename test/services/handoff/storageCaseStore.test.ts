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
});
