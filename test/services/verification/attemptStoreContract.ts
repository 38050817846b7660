import { expect, it } from 'vitest';
import type { AttemptRecord, AttemptStore } from '../../../services/verification/index.js';

const increment = (record: AttemptRecord | undefined) => {
  const next = { failures: (record?.failures ?? 0) + 1, lastAt: 1000, sources: record?.sources ?? [] };
  return { next, result: next.failures };
};

/**
 * What every AttemptStore must do; run against memory and SQLite here, and against Blob
 * Storage (Azurite) in test/integration. `second` opens another handle on the same data
 * (another process would), when the backend has such a thing.
 */
export function attemptStoreContract(create: () => Promise<{ store: AttemptStore; second: AttemptStore }>): void {
  it('creates, changes and deletes a record, returning what the change returns', async () => {
    const { store } = await create();
    expect(await store.update('k', increment)).toBe(1);
    expect(await store.update('k', increment)).toBe(2);
    expect(await store.update('k', (r) => ({ next: r, result: r?.failures }))).toBe(2);
    await store.update('k', () => ({ next: undefined, result: undefined }));
    expect(await store.update('k', (r) => ({ next: r, result: r }))).toBeUndefined();
  });

  it('keeps keys apart', async () => {
    const { store } = await create();
    await store.update('a', increment);
    expect(await store.update('b', increment)).toBe(1);
  });

  it('loses no update when 30 run at once over two handles on the same data', async () => {
    const { store, second } = await create();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? store : second).update('race', increment)));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  }, 30_000);

  it('applies changes in order and leaves the keys after the first refused one untouched', async () => {
    const { store } = await create();
    expect(await store.updateInOrder([{ key: 'x', change: increment }, { key: 'y', change: increment }], () => true)).toEqual([1, 1]);
    await store.update('x', increment);
    // x reaches 3, which goOn refuses: y and z are not touched.
    expect(await store.updateInOrder([{ key: 'x', change: increment }, { key: 'y', change: increment }, { key: 'z', change: increment }], (n) => n < 3)).toEqual([3]);
    expect(await store.update('y', (r) => ({ next: r, result: r?.failures }))).toBe(1);
    expect(await store.update('z', (r) => ({ next: r, result: r?.failures }))).toBeUndefined();
  });

  it('prunes records whose last failure is old', async () => {
    const { store } = await create();
    await store.update('old', () => ({ next: { failures: 1, lastAt: 1000, sources: [] }, result: undefined }));
    await store.update('new', () => ({ next: { failures: 1, lastAt: 5000, sources: [] }, result: undefined }));
    await store.prune(new Date(1000));
    expect(await store.update('new', (r) => ({ next: r, result: r?.failures }))).toBe(1);
  });
}
