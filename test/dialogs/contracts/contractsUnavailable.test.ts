import { describe, expect, it } from 'vitest';
import { ContractApiError, type ContractService } from '../../../services/contracts/index.js';
import { buttonsOf } from '../../support/botHarness.js';
import { capturingLogger } from '../../support/logLines.js';
import { SAMPLE, contractHarness } from './contractHarness.js';

/** A vendor API that answers 503 to everything. */
const down: ContractService = {
  findByRenewalId: () => Promise.reject(new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503 after 3 attempts', 503)),
  listAccountContracts: () => Promise.reject(new ContractApiError('unavailable', 'GET /accounts/…: HTTP 503', 503)),
  verifyProof: () => Promise.reject(new ContractApiError('unavailable', 'POST /contracts/RNW-****1137/verify: HTTP 503', 503)),
  requestQuote: () => Promise.reject(new ContractApiError('unavailable', 'POST quote: HTTP 503', 503)),
};

describe('when the contract service is down', () => {
  it('apologizes in the user\'s language, offers a person, and logs the failure with the conversation id', async () => {
    const { logger, lines } = capturingLogger();
    const h = contractHarness({ locale: 'fr-FR', contracts: down, logger });
    await h.adapter
      .send(`statut de ${SAMPLE.active.id}`)
      .assertReply(h.say('fr', 'verify.askProof', { renewalId: SAMPLE.active.id }))
      .send(SAMPLE.active.proof)
      .assertReply((reply) => {
        expect(reply.text).toBe(h.say('fr', 'contracts.unavailable'));
        expect(buttonsOf(reply)).toEqual([h.title('talk-to-agent', 'fr')]);
      });
    const failure = lines().find((line) => line['msg'] === 'contract service failed during verification');
    expect(failure).toMatchObject({ conversationId: 'Convo1', code: 'unavailable', status: 503, renewalId: 'RNW-****1137' });
    expect(JSON.stringify(lines())).not.toContain(SAMPLE.active.proof);
  });
});
