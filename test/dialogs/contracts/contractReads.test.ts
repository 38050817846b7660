import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTRACTS_FILE } from '../../../bot/paths.js';
import { FileContractService, MemoryQuoteStore } from '../../../services/contracts/index.js';
import { FakeClock } from '../../services/fakeClock.js';
import { CountingContracts } from '../../services/contracts/countingContracts.js';
import { SAMPLE, TODAY, contractHarness, verify } from './contractHarness.js';

function counted() {
  const clock = new FakeClock(TODAY);
  const contracts = new CountingContracts(FileContractService.fromFile({ file: SAMPLE_CONTRACTS_FILE, clock, quotes: new MemoryQuoteStore() }));
  return { clock, contracts, h: contractHarness({ locale: 'en-US', clock, contracts }) };
}

describe('contract reads', () => {
  it('fetches the contract once for a verified status: the verification hands it over', async () => {
    const { contracts, h } = counted();
    await verify(h, 'en', `status of ${SAMPLE.active.id}`, SAMPLE.active).assertReply((r) => expect(r.attachments).toHaveLength(1));
    expect(contracts.calls).toMatchObject({ verifyProof: 1, findByRenewalId: 1, listAccountContracts: 1 });
  });

  it('does not fetch the contract and the account again at each walkthrough step, but does after a quote request', async () => {
    const { contracts, h } = counted();
    const header = (step: number) => h.say('en', 'walk.header', { step, total: 6, title: h.say('en', `walk.steps.${step}.title`) });
    let flow = verify(h, 'en', `help me renew ${SAMPLE.active.id}`, SAMPLE.active)
      .assertReply(h.say('en', 'walk.start', { renewalId: SAMPLE.active.id }))
      .assertReply((r) => expect(r.text).toContain(header(1)));
    for (const step of [2, 3, 4]) flow = flow.send('next').assertReply((r) => expect(r.text).toContain(header(step)));
    await flow;
    expect(contracts.calls).toMatchObject({ findByRenewalId: 1, listAccountContracts: 1 });

    await h.adapter
      .send(h.say('en', 'walk.buttons.quote'))
      .assertReply(h.say('en', 'quote.askEmail', { reseller: 'Infogérance Lyonnaise' }))
      .send(h.say('en', 'quote.buttons.noCopy'))
      .assertReply((r) => expect(r.text).toContain('Infogérance Lyonnaise'))
      .send('next')
      .assertReply((r) => expect(r.text).toContain(header(5)));
    expect(contracts.calls).toMatchObject({ requestQuote: 1, findByRenewalId: 2, listAccountContracts: 2 });
  });
});
