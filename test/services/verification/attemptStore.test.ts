import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileContractService, MemoryQuoteStore } from '../../../services/contracts/index.js';
import { MemoryAttemptStore, SqliteAttemptStore, VerificationService } from '../../../services/verification/index.js';
import { openDatabase } from '../../../bot/storage/index.js';
import { aContract } from '../contracts/aContract.js';
import { FakeClock, MINUTE } from '../fakeClock.js';
import { attemptStoreContract } from './attemptStoreContract.js';
import { renewalIdOf } from '../contracts/renewalIdOf.js';

const t0 = new Date(2025, 0, 15, 9, 0);
const dir = mkdtempSync(path.join(tmpdir(), 'attempts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describe('MemoryAttemptStore', () => {
  attemptStoreContract(() => {
    const store = new MemoryAttemptStore();
    return Promise.resolve({ store, second: store });
  });
});

describe('SqliteAttemptStore', () => {
  attemptStoreContract(() => {
    const file = path.join(dir, `contract-${(files += 1)}.sqlite`);
    return Promise.resolve({ store: new SqliteAttemptStore(openDatabase(file)), second: new SqliteAttemptStore(openDatabase(file)) });
  });

  it('applies changes in order all or nothing: a change that fails undoes the ones before it', async () => {
    const store = new SqliteAttemptStore(openDatabase(path.join(dir, 'in-order.sqlite')));
    const set = (failures: number) => () => ({ next: { failures, lastAt: 1000, sources: [] }, result: failures });
    const broken = () => {
      throw new Error('cannot decide');
    };
    await expect(store.updateInOrder([{ key: 'first', change: set(1) }, { key: 'second', change: broken }], () => true)).rejects.toThrow('cannot decide');
    expect(await store.update('first', (r) => ({ next: r, result: r }))).toBeUndefined();
  });

  it('keeps the wait across a restart and stores nothing raw', async () => {
    const file = path.join(dir, 'restart.sqlite');
    const clock = new FakeClock(t0);
    const contracts = new FileContractService({ contracts: [aContract()], quotes: new MemoryQuoteStore(), clock });
    const attempt = (service: VerificationService, proof: string) =>
      service.verifyWithProof({ userKey: 'user-a', renewalId: renewalIdOf('RNW-20481137'), proof });

    const firstDb = openDatabase(file);
    const before = new VerificationService({ contracts, clock, attempts: new SqliteAttemptStore(firstDb) });
    for (let i = 0; i < 5; i += 1) await attempt(before, 'CRT-000000000');
    firstDb.close();

    const secondDb = openDatabase(file);
    const after = new VerificationService({ contracts, clock, attempts: new SqliteAttemptStore(secondDb) });
    expect(await attempt(after, 'CRT-774310452')).toEqual({ outcome: 'locked', until: new Date(t0.getTime() + MINUTE) });
    const rows = JSON.stringify(secondDb.prepare('SELECT * FROM verification_attempts').all());
    expect(rows).not.toMatch(/20481137|user-a|CRT/);
    secondDb.close();
  });
});
