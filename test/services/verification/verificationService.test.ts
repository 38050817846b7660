import { describe, expect, it, vi } from 'vitest';
import { FileContractService, MemoryQuoteStore } from '../../../services/contracts/index.js';
import { MemoryAttemptStore, VerificationService, type VerificationServiceOptions } from '../../../services/verification/index.js';
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

function setup(options: Pick<VerificationServiceOptions, 'onAlert'> = {}) {
  const clock = new FakeClock(start);
  const contracts = new FileContractService({ contracts: [aContract(), other], quotes: new MemoryQuoteStore(), clock });
  const attempts = new MemoryAttemptStore();
  const verification = new VerificationService({ contracts, clock, attempts, ...options });
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

    it('makes a source wait 1 minute after its 5th failure, answering locked at once', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 4; i += 1) {
        expect(await tryProof(WRONG)).toEqual({ outcome: 'rejected' });
        clock.advance(MINUTE);
      }
      expect(await tryProof(WRONG)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 5 * MINUTE) });
    });

    it('answers locked during the wait even with the right proof, without asking the contract service', async () => {
      const { contracts, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      const check = vi.spyOn(contracts, 'verifyProof');
      expect(await tryProof(RIGHT)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + MINUTE) });
      expect(check).not.toHaveBeenCalled();
    });

    it('doubles the wait with each further failure of the source', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG);
      clock.advance(MINUTE);
      expect(await tryProof(WRONG)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 3 * MINUTE) });
      clock.advance(2 * MINUTE);
      expect(await tryProof(WRONG)).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 7 * MINUTE) });
      clock.advance(4 * MINUTE - 1);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'locked' });
      clock.advance(1);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
    });

    it('counts a source across renewal IDs', async () => {
      const { tryProof } = setup();
      for (const id of ['RNW-10000001', 'RNW-10000002', 'RNW-10000003', 'RNW-10000004']) {
        expect(await tryProof(RIGHT, 'user-a', id)).toEqual({ outcome: 'rejected' });
      }
      expect(await tryProof(WRONG, 'user-a', 'RNW-30550912')).toMatchObject({ outcome: 'locked' });
      expect(await tryProof(RIGHT, 'user-a', 'RNW-20481137')).toMatchObject({ outcome: 'locked' });
    });

    it('cannot be used by one stranger to lock the owner out: 5 wrong proofs every 15 minutes for a day', async () => {
      const { clock, tryProof } = setup();
      for (let round = 0; round < 96; round += 1) {
        for (let i = 0; i < 5; i += 1) await tryProof(WRONG, 'stranger');
        clock.advance(15 * MINUTE);
      }
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
    });

    it('slows down guesses spread over many sources, but never for more than 15 minutes', async () => {
      const { clock, tryProof } = setup();
      for (let i = 0; i < 9; i += 1) expect(await tryProof(WRONG, `u${i}`)).toEqual({ outcome: 'rejected' });
      expect(await tryProof(WRONG, 'u9')).toEqual({ outcome: 'locked', until: new Date(start.getTime() + 30 * 1000) });
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'locked' });
      for (let i = 10; i < 40; i += 1) {
        clock.advance(15 * MINUTE);
        await tryProof(WRONG, `u${i}`);
      }
      const last = clock.now().getTime();
      expect(await tryProof(RIGHT, 'owner')).toEqual({ outcome: 'locked', until: new Date(last + 15 * MINUTE) });
      clock.advance(15 * MINUTE);
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
    });

    it('lets an agent lift the wait on a renewal ID', async () => {
      const { verification, tryProof } = setup();
      for (let i = 0; i < 10; i += 1) await tryProof(WRONG, `u${i}`);
      expect(await verification.attemptStatus('RNW-20481137')).toMatchObject({ failures: 10, sources: 10 });
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'locked' });
      await verification.unlock({ renewalId: 'rnw 2048 1137' });
      expect(await verification.attemptStatus('RNW-20481137')).toEqual({ failures: 0, sources: 0, waitUntil: undefined });
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
    });

    it('lets an agent lift the wait on one user too', async () => {
      const { verification, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG, 'owner', `RNW-1000000${i}`);
      await verification.unlock({ renewalId: 'RNW-20481137', userKey: 'owner' });
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
    });

    it('raises an alert when the 3rd source fails on one renewal ID, and for each new one after', async () => {
      const alerts: unknown[] = [];
      const { tryProof } = setup({ onAlert: (alert) => alerts.push(alert) });
      await tryProof(WRONG, 'u1');
      await tryProof(WRONG, 'u1');
      await tryProof(WRONG, 'u2');
      expect(alerts).toEqual([]);
      await tryProof(WRONG, 'u3');
      await tryProof(WRONG, 'u3');
      await tryProof(WRONG, 'u4');
      expect(alerts).toEqual([
        { kind: 'renewal-id-attacked', renewalId: 'RNW-****1137', sources: 3, failures: 4 },
        { kind: 'renewal-id-attacked', renewalId: 'RNW-****1137', sources: 4, failures: 6 },
      ]);
      expect(JSON.stringify(alerts)).not.toContain('20481137');
    });

    it('does not count a success against the renewal ID, nor raise an alert for it', async () => {
      const alerts: unknown[] = [];
      const { verification, tryProof } = setup({ onAlert: (alert) => alerts.push(alert) });
      await tryProof(WRONG, 'u1');
      await tryProof(WRONG, 'u2');
      expect(await tryProof(RIGHT, 'owner')).toMatchObject({ outcome: 'verified' });
      expect(await verification.attemptStatus('RNW-20481137')).toMatchObject({ failures: 2, sources: 2 });
      expect(alerts).toEqual([]);
    });

    it("forgets the source's own failures on success", async () => {
      const { tryProof } = setup();
      for (let i = 0; i < 4; i += 1) await tryProof(WRONG, 'user-a', `RNW-1000000${i}`);
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
      for (let i = 0; i < 4; i += 1) expect(await tryProof(WRONG, 'user-a', `RNW-2000000${i}`)).toEqual({ outcome: 'rejected' });
    });

    it('does not count a failure of the contract service as a wrong proof', async () => {
      const { contracts, verification, tryProof } = setup();
      vi.spyOn(contracts, 'verifyProof').mockRejectedValue(new Error('API down'));
      for (let i = 0; i < 12; i += 1) await expect(tryProof(WRONG)).rejects.toThrow('API down');
      vi.restoreAllMocks();
      expect(await verification.attemptStatus('RNW-20481137')).toMatchObject({ failures: 0 });
      expect(await tryProof(RIGHT)).toMatchObject({ outcome: 'verified' });
    });

    describe('parallel attempts (the contract API is slow)', () => {
      function slowApi(contracts: FileContractService) {
        const real = contracts.verifyProof.bind(contracts);
        return vi.spyOn(contracts, 'verifyProof').mockImplementation(async (id, proof) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return real(id, proof);
        });
      }

      it('lets at most 5 of 20 parallel proofs from one source reach the API', async () => {
        const { contracts, tryProof } = setup();
        const calls = slowApi(contracts);
        const proofs = Array.from({ length: 20 }, (_, i) => (i === 17 ? RIGHT : `CRT-00000000${i % 10}`));
        const results = await Promise.all(proofs.map((proof) => tryProof(proof)));
        expect(calls.mock.calls.length).toBeLessThanOrEqual(5);
        expect(results.filter((r) => r.outcome === 'verified')).toEqual([]);
      });

      it('lets at most 10 of 50 parallel proofs from 50 sources reach the API', async () => {
        const { contracts, tryProof } = setup();
        const calls = slowApi(contracts);
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => tryProof(i === 49 ? RIGHT : WRONG, `u${i}`)));
        expect(calls.mock.calls.length).toBeLessThanOrEqual(10);
        expect(results.filter((r) => r.outcome === 'verified')).toEqual([]);
      });
    });

    it('stores neither the user key, nor the renewal ID, nor the proof', async () => {
      const { attempts, tryProof } = setup();
      for (let i = 0; i < 5; i += 1) await tryProof(WRONG, 'msteams:29:1abcdef');
      const stored = attempts.dump();
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
