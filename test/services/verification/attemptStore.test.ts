import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileContractService, MemoryQuoteStore } from '../../../services/contracts/index.js';
import type { AttemptStore } from '../../../services/verification/index.js';
import { MemoryAttemptStore, SqliteAttemptStore, VerificationService } from '../../../services/verification/index.js';
import { openDatabase } from '../../../bot/storage/index.js';
import { aContract } from '../contracts/aContract.js';
import { FakeClock, MINUTE } from '../fakeClock.js';
import { renewalIdOf } from '../contracts/renewalIdOf.js';

const t0 = new Date(2025, 0, 15, 9, 0);
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

describe.each<[string, () => AttemptStore]>([
  ['MemoryAttemptStore', () => new MemoryAttemptStore()],
  ['SqliteAttemptStore', () => new SqliteAttemptStore(openDatabase(':memory:'))],
])('%s', (_name, createStore) => {
  it('counts the failures of a key strictly after a time', async () => {
    const store = createStore();
    await store.recordFailure('k', at(0));
    await store.recordFailure('k', at(5));
    await store.recordFailure('other', at(5));
    expect(await store.countFailuresSince('k', at(-1))).toBe(2);
    expect(await store.countFailuresSince('k', at(0))).toBe(1);
    expect(await store.countFailuresSince('k', at(5))).toBe(0);
  });

  it('forgets the failures of one key', async () => {
    const store = createStore();
    await store.recordFailure('k', at(0));
    await store.recordFailure('other', at(0));
    await store.clearFailures('k');
    expect(await store.countFailuresSince('k', at(-1))).toBe(0);
    expect(await store.countFailuresSince('other', at(-1))).toBe(1);
  });

  it('reports a lock until it ends', async () => {
    const store = createStore();
    await store.lock('k', at(15));
    expect(await store.lockedUntil('k', at(14))).toEqual(at(15));
    expect(await store.lockedUntil('k', at(15))).toBeUndefined();
    expect(await store.lockedUntil('other', at(0))).toBeUndefined();
  });

  it('never shortens a lock', async () => {
    const store = createStore();
    await store.lock('k', at(30));
    await store.lock('k', at(15));
    expect(await store.lockedUntil('k', at(20))).toEqual(at(30));
  });

  it('prunes old failures and ended locks', async () => {
    const store = createStore();
    await store.recordFailure('k', at(0));
    await store.recordFailure('k', at(10));
    await store.lock('k', at(5));
    await store.lock('j', at(20));
    await store.prune(at(5));
    expect(await store.countFailuresSince('k', at(-1))).toBe(1);
    expect(await store.lockedUntil('j', at(0))).toEqual(at(20));
  });
});

describe('SqliteAttemptStore', () => {
  it('keeps a lock-out across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attempts-'));
    try {
      const file = path.join(dir, 'bot.sqlite');
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
      expect(await attempt(after, 'CRT-774310452')).toEqual({ outcome: 'locked', until: at(15) });
      const rows = JSON.stringify(secondDb.prepare('SELECT * FROM verification_failures, verification_locks').all());
      expect(rows).not.toMatch(/20481137|user-a|CRT/);
      secondDb.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
