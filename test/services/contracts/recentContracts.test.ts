import { describe, expect, it } from 'vitest';
import { FileContractService, MemoryQuoteStore, RecentContracts } from '../../../services/contracts/index.js';
import { FakeClock, MINUTE } from '../fakeClock.js';
import { aContract } from './aContract.js';
import { CountingContracts } from './countingContracts.js';
import { renewalIdOf } from './renewalIdOf.js';

const id = renewalIdOf('RNW-20481137');

function setup() {
  const clock = new FakeClock(new Date(2025, 0, 15, 9, 0));
  const source = new CountingContracts(new FileContractService({ contracts: [aContract()], quotes: new MemoryQuoteStore(), clock, newQuoteId: () => 'Q-1' }));
  return { clock, source, recent: new RecentContracts(source, { clock }) };
}

describe('RecentContracts', () => {
  it('reads a contract and an account list once within a minute', async () => {
    const { source, recent } = setup();
    for (let i = 0; i < 3; i += 1) {
      expect(await recent.findByRenewalId(id)).toEqual(aContract());
      expect(await recent.listAccountContracts('ACC-FR-100245')).toHaveLength(1);
    }
    expect(source.calls).toMatchObject({ findByRenewalId: 1, listAccountContracts: 1 });
  });

  it('reads again once the minute has passed', async () => {
    const { clock, source, recent } = setup();
    await recent.findByRenewalId(id);
    clock.advance(MINUTE);
    await recent.findByRenewalId(id);
    expect(source.calls.findByRenewalId).toBe(2);
  });

  it('drops the contract and its account list after a quote request, so the new state shows', async () => {
    const { source, recent } = setup();
    expect((await recent.findByRenewalId(id))?.renewalState).toBe('not-started');
    await recent.listAccountContracts('ACC-FR-100245');
    await recent.requestQuote({ renewalId: id, requestedBy: 'Marie', language: 'fr' });
    expect((await recent.findByRenewalId(id))?.renewalState).toBe('quote-requested');
    expect((await recent.listAccountContracts('ACC-FR-100245'))[0]?.renewalState).toBe('quote-requested');
    expect(source.calls).toMatchObject({ findByRenewalId: 2, listAccountContracts: 2 });
  });

  it('never keeps the answer of a proof check', async () => {
    const { source, recent } = setup();
    expect(await recent.verifyProof(id, 'CRT-000000000')).toBe(false);
    expect(await recent.verifyProof(id, 'CRT-774310452')).toBe(true);
    expect(source.calls.verifyProof).toBe(2);
  });

  it('keeps at most `max` contracts, the oldest going first', async () => {
    const { clock, source } = setup();
    const recent = new RecentContracts(source, { clock, max: 1 });
    await recent.findByRenewalId(id);
    await recent.findByRenewalId(renewalIdOf('RNW-99999999'));
    await recent.findByRenewalId(id);
    expect(source.calls.findByRenewalId).toBe(3);
  });
});
