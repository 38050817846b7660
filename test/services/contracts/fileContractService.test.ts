import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_CONTRACTS_FILE } from '../../../bot/paths.js';
import {
  ContractApiError,
  ContractServiceError,
  FileContractService,
  MemoryQuoteStore,
  SqliteQuoteStore,
  contractStatus,
  type Contract,
} from '../../../services/contracts/index.js';
import { openDatabase } from '../../../bot/storage/index.js';
import { FakeClock } from '../fakeClock.js';
import { aContract } from './aContract.js';
import { renewalIdOf } from './renewalIdOf.js';

const today = new Date(2025, 0, 15, 9, 0);

function service(contracts: Contract[] = [aContract()], quotes = new MemoryQuoteStore()): FileContractService {
  return new FileContractService({ contracts, quotes, clock: new FakeClock(today), newQuoteId: () => 'Q-TEST0001' });
}

describe('FileContractService', () => {
  describe('findByRenewalId', () => {
    // IDs arrive as RenewalId, made by extractRenewalId (malformed text never becomes one:
    // see extractRenewalId.test.ts), so the service looks them up as they are.
    it('finds a contract by its renewal ID, however the user typed it', async () => {
      expect(await service().findByRenewalId(renewalIdOf('RNW-20481137'))).toEqual(aContract());
      expect(await service().findByRenewalId(renewalIdOf('rnw 2048 1137'))).toEqual(aContract());
    });

    it('finds nothing for an unknown ID', async () => {
      expect(await service().findByRenewalId(renewalIdOf('RNW-99999999'))).toBeUndefined();
    });

    it('hands out copies: changing one does not change the service', async () => {
      const contracts = service();
      const found = await contracts.findByRenewalId(renewalIdOf('RNW-20481137'));
      if (found) found.renewalState = 'renewed';
      expect((await contracts.findByRenewalId(renewalIdOf('RNW-20481137')))?.renewalState).toBe('not-started');
    });
  });

  describe('listAccountContracts', () => {
    const contracts = [
      aContract({ renewalId: 'RNW-00000001', maintenanceEnd: '2025-09-30' }),
      aContract({ renewalId: 'RNW-00000002', maintenanceEnd: '2025-03-01' }),
      aContract({ renewalId: 'RNW-00000003', account: { ...aContract().account, accountNumber: 'ACC-GB-204117' } }),
    ];

    it("lists an account's contracts, soonest end first", async () => {
      const listed = await service(contracts).listAccountContracts('ACC-FR-100245');
      expect(listed.map((c) => c.renewalId)).toEqual(['RNW-00000002', 'RNW-00000001']);
    });

    it('ignores case and surrounding spaces in the account number', async () => {
      expect(await service(contracts).listAccountContracts(' acc-gb-204117 ')).toHaveLength(1);
    });

    it('lists nothing for an unknown account', async () => {
      expect(await service(contracts).listAccountContracts('ACC-XX-000000')).toEqual([]);
    });
  });

  describe('verifyProof', () => {
    const rewards = aContract({ renewalId: 'RNW-52340017', san: 'SAN-4471-2210-88' });

    it.each([
      ['the certificate number', 'RNW-20481137', 'CRT-774310452'],
      ['the order number', 'RNW-20481137', 'SO-5501229'],
      ['the SAN of a Rewards contract', 'RNW-52340017', 'SAN-4471-2210-88'],
      ['a proof in lower case with spaces', 'RNW-20481137', ' crt 774310452 '],
    ])('accepts %s', async (_what, renewalId, proof) => {
      expect(await service([aContract(), rewards]).verifyProof(renewalIdOf(renewalId), proof)).toBe(true);
    });

    it.each([
      ['a wrong proof', 'RNW-20481137', 'CRT-774310453'],
      ['the proof of another contract', 'RNW-20481137', 'SAN-4471-2210-88'],
      ['an empty proof', 'RNW-20481137', ''],
      ['the renewal ID itself', 'RNW-20481137', 'RNW-20481137'],
      ['an unknown ID', 'RNW-99999999', 'CRT-774310452'],
    ])('refuses %s', async (_what, renewalId, proof) => {
      expect(await service([aContract(), rewards]).verifyProof(renewalIdOf(renewalId), proof)).toBe(false);
    });
  });

  describe('requestQuote', () => {
    const request = { renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' as const, note: 'Ajouter 2 licences' };

    it('returns a receipt and shows the contract as quote-requested afterwards', async () => {
      const contracts = service();
      expect(await contracts.requestQuote(request)).toEqual({
        id: 'Q-TEST0001',
        renewalId: 'RNW-20481137',
        createdAt: today.toISOString(),
        status: 'received',
      });
      expect((await contracts.findByRenewalId(renewalIdOf('RNW-20481137')))?.renewalState).toBe('quote-requested');
      expect((await contracts.listAccountContracts('ACC-FR-100245'))[0]?.renewalState).toBe('quote-requested');
    });

    it('records the request in the quote store', async () => {
      const quotes = new MemoryQuoteStore();
      await service([aContract()], quotes).requestQuote(request);
      expect(await quotes.listByRenewalId('RNW-20481137')).toEqual([
        { id: 'Q-TEST0001', renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr', createdAt: today.toISOString(), note: 'Ajouter 2 licences' },
      ]);
    });

    it('accepts a second request for the same contract', async () => {
      const contracts = service([aContract({ renewalState: 'quote-requested' })]);
      await expect(contracts.requestQuote(request)).resolves.toMatchObject({ status: 'received' });
    });

    it('refuses an unknown contract', async () => {
      await expect(service().requestQuote({ ...request, renewalId: 'RNW-99999999' })).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringContaining('RNW-****9999'),
      });
    });

    it.each(['ordered', 'renewed'] as const)('refuses a contract already %s', async (renewalState) => {
      const contract = aContract({ renewalState, ...(renewalState === 'renewed' ? { renewedEnd: '2026-06-30' } : {}) });
      await expect(service([contract]).requestQuote(request)).rejects.toMatchObject({ code: 'conflict' });
      expect((await service([contract]).findByRenewalId(renewalIdOf('RNW-20481137')))?.renewalState).toBe(renewalState);
    });

    it('refuses a request without a requester', async () => {
      const refused = service().requestQuote({ ...request, requestedBy: '  ' });
      await expect(refused).rejects.toThrow(ContractServiceError);
      // No HTTP call was made: the file service's errors are not the vendor API's.
      await expect(refused).rejects.not.toBeInstanceOf(ContractApiError);
    });
  });

  describe('with the sample file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'file-contracts-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('loads the sample contracts with dates relative to the clock', async () => {
      const clock = new FakeClock(today);
      const contracts = FileContractService.fromFile({ file: SAMPLE_CONTRACTS_FILE, clock, quotes: new MemoryQuoteStore() });
      const expiring = await contracts.findByRenewalId(renewalIdOf('RNW-20481245'));
      expect(expiring && contractStatus(expiring, today)).toMatchObject({ status: 'expiring', daysLeft: 45 });
      expect(await contracts.listAccountContracts('ACC-FR-100245')).toHaveLength(3);
    });

    it('still shows a quote request after a restart', async () => {
      const file = path.join(dir, 'bot.sqlite');
      const clock = new FakeClock(today);
      const firstDb = openDatabase(file);
      await FileContractService.fromFile({ file: SAMPLE_CONTRACTS_FILE, clock, quotes: new SqliteQuoteStore(firstDb) }).requestQuote({
        renewalId: 'RNW-20481245',
        requestedBy: 'Claire Martin',
        language: 'fr',
      });
      firstDb.close();

      const secondDb = openDatabase(file);
      const restarted = FileContractService.fromFile({ file: SAMPLE_CONTRACTS_FILE, clock, quotes: new SqliteQuoteStore(secondDb) });
      expect((await restarted.findByRenewalId(renewalIdOf('RNW-20481245')))?.renewalState).toBe('quote-requested');
      expect((await restarted.findByRenewalId(renewalIdOf('RNW-20481137')))?.renewalState).toBe('not-started');
      secondDb.close();
    });
  });
});
