import { describe, expect, it, vi } from 'vitest';
import { FileContractService, MemoryQuoteStore } from '../../../services/contracts/index.js';
import { MemoryAttemptStore, VerificationService } from '../../../services/verification/index.js';
import { aContract } from '../contracts/aContract.js';
import { FakeClock, MINUTE } from '../fakeClock.js';
import { renewalIdOf } from '../contracts/renewalIdOf.js';

const start = new Date(2025, 0, 15, 9, 0);
const RIGHT = 'CRT-774310452';
const WRONG = 'CRT-000000000';
const other = aContract({
  renewalId: 'RNW-30550912',
  certificateNumber: 'CRT-820455173',
  orderNumber: 'SO-6120348',
  account: { ...aContract().account, accountNumber: 'ACC-GB-204117', tenantIds: [] },
});

function setup() {
  const clock = new FakeClock(start);
  const contracts = new FileContractService({ contracts: [aContract(), other], quotes: new MemoryQuoteStore(), clock });
  const attempts = new MemoryAttemptStore();
  const verification = new VerificationService({ contracts, clock, attempts });
  const tryProof = (proof: string, userKey = 'user-a', renewalId = 'RNW-20481137') =>
    verification.verifyWithProof({ userKey, renewalId: renewalIdOf(renewalId), proof });
  return { clock, contracts, attempts, verification, tryProof };
}

describe('VerificationService', () => {
  describe('verifyWithProof', () => {
    it('verifies with the right proof and returns the contract', async () => {
      const { tryProof } = setup();
      expect(await tryProof(RIGHT)).toEqual({ outcome: 'verified', contract: aContract() });
    });

    it('accepts the renewal ID as the user typed it', async () => {
      const { tryProof } = setup();
      expect(await tryProof(RIGHT, 'user-a', 'rnw 2048 1137')).toMatchObject({ outcome: 'verified' });
    });

    it('answers the same for a wrong proof and an unknown ID', async () => {
      const { tryProof } = setup();
      expect(await tryProof(WRONG)).toEqual({ outcome: 'rejected' });
      expect(await tryProof(RIGHT, 'user-b', 'RNW-99999999')).toEqual({ outcome: 'rejected' });
    });

    it('locks after the 5th failure for 15 minutes from it', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 4; i += 1) {
        expect(await tryProof(WRONG)).toEqual({ outcome: 'rejected' });
        clock.advance(MINUTE);
      }
      expect(await tryProof(WRONG)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 19 * MINUTE) });
    });

    it('stays locked for the 6th attempt even with the right proof, without checking it', async () => {
      const { contracts, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      const check = vi.spyOn(contracts, 'verifyProof');
      expect(await tryProof(RIGHT)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 15 * MINUTE) });
      expect(check).not.toHaveBeenCalled();
    });

    it('unlocks 15 minutes after the 5th failure', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      clock.advance(15 * MINUTE - 1);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'locked' });
      clock.advance(1);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
    });

    it('gives a fresh count after the lock: one more failure does not lock again', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      clock.advance(15 * MINUTE);
      expect(await tryProof(WRONG)).toEqual({ outcome: 'rejected' });
    });

    it('locks a user who fails on 5 different IDs, for every ID', async () => {
      const { tryProof } = setup();
      for (const id of ['RNW-10000001', 'RNW-10000002', 'RNW-10000003', 'RNW-10000004']) {
        expect(await tryProof(RIGHT, 'user-a', id)).toEqual({ outcome: 'rejected' });
      }
      expect(await tryProof(WRONG, 'user-a', 'RNW-30550912')).toMatchObject({ outcome: 'locked' });
      expect(await tryProof(RIGHT, 'user-a', 'RNW-20481137')).toMatchObject({ outcome: 'locked' });
    });

    it('does not lock the IDs a locked user tried: other users still get in', async () => {
      const { tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG, 'user-a', `RNW-3055091${i}`);
      expect(await tryProof('CRT-820455173', 'user-b', 'RNW-30550912')).toMatchObject({ outcome: 'verified' });
    });

    it('locks an ID that 5 different users failed on, for every user', async () => {
      const { tryProof } = setup();
      for (const user of ['u1', 'u2', 'u3', 'u4']) expect(await tryProof(WRONG, user)).toEqual({ outcome: 'rejected' });
      expect(await tryProof(WRONG, 'u5')).toMatchObject({ outcome: 'locked' });
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'locked' });
      expect(await tryProof('CRT-820455173', 'owner', 'RNW-30550912')).toMatchObject({ outcome: 'verified' });
    });

    it('forgets failures older than 15 minutes (sliding window)', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 4; i += 1) await tryProof(WRONG);
      clock.advance(15 * MINUTE);
      // The first 4 are now exactly 15 minutes old: they no longer count.
      for (let i = 0; i < 4; i += 1) expect(await tryProof(WRONG)).toEqual({ outcome: 'rejected' });
      expect(await tryProof(WRONG)).toMatchObject({ outcome: 'locked' });
    });

    it('counts failures within 15 minutes even when spread out', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 4; i += 1) {
        await tryProof(WRONG);
        clock.advance(3 * MINUTE + 30 * 1000);
      }
      expect(await tryProof(WRONG)).toMatchObject({ outcome: 'locked' });
    });

    it("clears the user's own failures on success", async () => {
      const { tryProof } = setup();
      for (let i = 0; i < 4; i += 1) await tryProof(WRONG, 'user-a', `RNW-1000000${i}`);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
      expect(await tryProof(WRONG, 'user-a', 'RNW-10000009')).toEqual({ outcome: 'rejected' });
    });

    it("does not clear the renewal ID's failures on success", async () => {
      const { tryProof } = setup();
      for (const user of ['u1', 'u2', 'u3', 'u4']) await tryProof(WRONG, user);
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
      expect(await tryProof(WRONG, 'u5')).toMatchObject({ outcome: 'locked' });
    });

    it('does not count a failure of the contract service as a wrong proof', async () => {
      const { contracts, tryProof } = setup();
      vi.spyOn(contracts, 'verifyProof').mockRejectedValue(new Error('API down'));
      for (let i = 0; i < 5; i += 1) await expect(tryProof(WRONG)).rejects.toThrow('API down');
      vi.restoreAllMocks();
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
    });

    it('stores neither the user key, nor the renewal ID, nor the proof', async () => {
      const { attempts, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG, 'msteams:29:1abcdef');
      const stored = JSON.stringify(attempts.keys());
      expect(attempts.keys().length).toBeGreaterThan(0);
      for (const secret of ['msteams', '1abcdef', '20481137', WRONG, '000000000']) expect(stored).not.toContain(secret);
    });

    it('uses keyed hashes when given a secret', async () => {
      const plain = setup();
      await plain.tryProof(WRONG);
      const clock = new FakeClock(start);
      const attempts = new MemoryAttemptStore();
      const contracts = new FileContractService({ contracts: [aContract()], quotes: new MemoryQuoteStore(), clock });
      await new VerificationService({ contracts, clock, attempts, keySecret: 'pepper' }).verifyWithProof({
        userKey: 'user-a',
        renewalId: renewalIdOf('RNW-20481137'),
        proof: WRONG,
      });
      expect(attempts.keys()).toHaveLength(2);
      expect(attempts.keys().some((key) => plain.attempts.keys().includes(key))).toBe(false);
    });

    it('refuses an empty user key', async () => {
      const { tryProof } = setup();
      await expect(tryProof(RIGHT, ' ')).rejects.toThrow(TypeError);
    });
  });

  describe('verifyByTenant', () => {
    it("verifies a user of one of the account's tenants, in any case", async () => {
      const { verification } = setup();
      expect(
        await verification.verifyByTenant({ renewalId: renewalIdOf('RNW-20481137'), tenantId: '3F6B2C1E-8D4A-4F7B-9C2E-5A1D7E9B0C43' }),
      ).toEqual({ outcome: 'verified', contract: aContract() });
    });

    it.each([
      ['another tenant', 'RNW-20481137', '00000000-0000-0000-0000-000000000000'],
      ['no tenant', 'RNW-20481137', undefined],
      ['an empty tenant', 'RNW-20481137', ''],
      ['an account without tenants', 'RNW-30550912', '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43'],
      ['an unknown ID', 'RNW-99999999', '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43'],
    ])('is not applicable for %s', async (_what, renewalId, tenantId) => {
      const { verification } = setup();
      expect(await verification.verifyByTenant({ renewalId: renewalIdOf(renewalId), tenantId })).toEqual({ outcome: 'not-applicable' });
    });

    it('is not held back by a lock on the user or the ID', async () => {
      const { verification, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      expect(
        await verification.verifyByTenant({ renewalId: renewalIdOf('RNW-20481137'), tenantId: '3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43' }),
      ).toMatchObject({ outcome: 'verified' });
    });
  });
});
