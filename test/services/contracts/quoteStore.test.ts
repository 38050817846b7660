import { describe, expect, it } from 'vitest';
import type { QuoteRecord, QuoteStore } from '../../../services/contracts/index.js';
import { MemoryQuoteStore, SqliteQuoteStore } from '../../../services/contracts/index.js';
import { openDatabase } from '../../../bot/storage/index.js';

const first: QuoteRecord = {
  id: 'Q-00000001',
  renewalId: 'RNW-20481245',
  requestedBy: 'Claire Martin',
  language: 'fr',
  createdAt: '2025-01-15T09:00:00.000Z',
  note: 'Ajouter 2 licences',
};
const second: QuoteRecord = { ...first, id: 'Q-00000002', createdAt: '2025-01-16T09:00:00.000Z', language: 'en' };
const { note: _, ...withoutNote } = { ...first, id: 'Q-00000003', renewalId: 'RNW-30550912' };

describe.each<[string, () => QuoteStore]>([
  ['MemoryQuoteStore', () => new MemoryQuoteStore()],
  ['SqliteQuoteStore', () => new SqliteQuoteStore(openDatabase(':memory:'))],
])('%s', (_name, createStore) => {
  it('lists the requests of one contract, oldest first', async () => {
    const store = createStore();
    await store.add(second);
    await store.add(first);
    await store.add(withoutNote);
    expect(await store.listByRenewalId('RNW-20481245')).toEqual([first, second]);
  });

  it('keeps a request without a note without inventing one', async () => {
    const store = createStore();
    await store.add(withoutNote);
    expect(await store.listByRenewalId('RNW-30550912')).toEqual([withoutNote]);
  });

  it('lists nothing for a contract without requests', async () => {
    expect(await createStore().listByRenewalId('RNW-99999999')).toEqual([]);
  });
});
