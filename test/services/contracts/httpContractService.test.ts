import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractApiError, HttpContractService, type HttpContractServiceOptions } from '../../../services/contracts/index.js';
import { aContract } from './aContract.js';

const BASE = 'https://contracts.example.test/api/v1';
const TOKEN = 'tok_9f8e7d6c5b4a_SECRET';
const PROOF = 'CRT-774310452';

function api(): nock.Scope {
  return nock('https://contracts.example.test', { reqheaders: { authorization: `Bearer ${TOKEN}` } });
}

function client(options: Partial<HttpContractServiceOptions> = {}): { service: HttpContractService; waits: number[] } {
  const waits: number[] = [];
  const service = new HttpContractService({
    baseUrl: `${BASE}/`,
    token: TOKEN,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { service, waits };
}

async function failure(promise: Promise<unknown>): Promise<ContractApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ContractApiError)) throw new Error(`expected a ContractApiError, got ${String(error)}`);
  return error;
}

function expectNoSecrets(error: ContractApiError): void {
  const everything = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error)}`;
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(PROOF);
  expect(everything).not.toContain('20481137');
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(localhost|127\.0\.0\.1)(:\d+)?$/);
});
afterEach(() => {
  const unused = nock.pendingMocks();
  nock.cleanAll();
  expect(unused).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('HttpContractService', () => {
  describe('findByRenewalId', () => {
    it('returns the contract, sending the token', async () => {
      const scope = api().get('/api/v1/contracts/RNW-20481137').matchHeader('accept', 'application/json').reply(200, aContract());
      expect(await client().service.findByRenewalId('RNW-20481137')).toEqual(aContract());
      expect(scope.isDone()).toBe(true);
    });

    it('ignores fields it does not know', async () => {
      api().get('/api/v1/contracts/RNW-20481137').reply(200, { ...aContract(), internalScore: 7 });
      expect(await client().service.findByRenewalId('RNW-20481137')).toEqual(aContract());
    });

    it('returns undefined on 404', async () => {
      api().get('/api/v1/contracts/RNW-99999999').reply(404, { error: 'not found' });
      expect(await client().service.findByRenewalId('RNW-99999999')).toBeUndefined();
    });

    it('does not call the API for an ID that is not canonical', async () => {
      expect(await client().service.findByRenewalId('../accounts/ACC-1/contracts')).toBeUndefined();
    });

    it.each([401, 403])('throws unauthorized on %i, without retrying', async (status) => {
      api().get('/api/v1/contracts/RNW-20481137').reply(status);
      const { service, waits } = client();
      const error = await failure(service.findByRenewalId('RNW-20481137'));
      expect(error).toMatchObject({ code: 'unauthorized', status });
      expect(waits).toEqual([]);
      expectNoSecrets(error);
    });

    it('retries a 500 with growing waits and returns the later success', async () => {
      api().get('/api/v1/contracts/RNW-20481137').times(2).reply(500).get('/api/v1/contracts/RNW-20481137').reply(200, aContract());
      const { service, waits } = client();
      expect(await service.findByRenewalId('RNW-20481137')).toEqual(aContract());
      expect(waits).toEqual([250, 500]);
    });

    it('gives up as unavailable after the last retry', async () => {
      api().get('/api/v1/contracts/RNW-20481137').times(3).reply(503, 'busy');
      const error = await failure(client().service.findByRenewalId('RNW-20481137'));
      expect(error).toMatchObject({ code: 'unavailable', status: 503 });
      expect(error.message).toBe('GET /contracts/RNW-****1137: HTTP 503 after 3 attempts');
      expectNoSecrets(error);
    });

    it('retries a network error', async () => {
      api()
        .get('/api/v1/contracts/RNW-20481137')
        .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
        .get('/api/v1/contracts/RNW-20481137')
        .reply(200, aContract());
      expect(await client().service.findByRenewalId('RNW-20481137')).toEqual(aContract());
    });

    it('times out an attempt that answers too late, then retries', async () => {
      api()
        .get('/api/v1/contracts/RNW-20481137')
        .delay(500)
        .reply(200, aContract())
        .get('/api/v1/contracts/RNW-20481137')
        .reply(200, aContract());
      const { service, waits } = client({ timeoutMs: 40 });
      expect(await service.findByRenewalId('RNW-20481137')).toEqual(aContract());
      expect(waits).toEqual([250]);
    });

    it('throws timeout when every attempt is too late', async () => {
      api().get('/api/v1/contracts/RNW-20481137').times(2).delay(500).reply(200, aContract());
      const error = await failure(client({ timeoutMs: 40, retries: 1 }).service.findByRenewalId('RNW-20481137'));
      expect(error).toMatchObject({ code: 'timeout' });
      expect(error.message).toBe('GET /contracts/RNW-****1137: no answer within 40 ms after 2 attempts');
      expectNoSecrets(error);
    });

    it('throws bad-response on malformed JSON, without retrying', async () => {
      api().get('/api/v1/contracts/RNW-20481137').reply(200, '{"renewalId": "RNW-2048', { 'Content-Type': 'application/json' });
      const { service, waits } = client();
      const error = await failure(service.findByRenewalId('RNW-20481137'));
      expect(error).toMatchObject({ code: 'bad-response', status: 200 });
      expect(waits).toEqual([]);
      expectNoSecrets(error);
    });

    it('throws bad-response on a body that does not match the contract schema', async () => {
      api().get('/api/v1/contracts/RNW-20481137').reply(200, { ...aContract(), maintenanceEnd: '30/06/2025' });
      const error = await failure(client().service.findByRenewalId('RNW-20481137'));
      expect(error.code).toBe('bad-response');
      expect(error.message).toContain('maintenanceEnd');
      expectNoSecrets(error);
    });

    it('throws bad-response when the API answers with another contract', async () => {
      api().get('/api/v1/contracts/RNW-20481137').reply(200, aContract({ renewalId: 'RNW-11112222' }));
      await expect(client().service.findByRenewalId('RNW-20481137')).rejects.toMatchObject({ code: 'bad-response' });
    });

    it('does not follow a redirect with the token', async () => {
      api().get('/api/v1/contracts/RNW-20481137').reply(302, '', { Location: 'https://elsewhere.example.test/' });
      await expect(client().service.findByRenewalId('RNW-20481137')).rejects.toMatchObject({ code: 'bad-response', status: 302 });
    });
  });

  describe('listAccountContracts', () => {
    it('returns the contracts of the account', async () => {
      const second = aContract({ renewalId: 'RNW-20481245' });
      api().get('/api/v1/accounts/ACC-FR-100245/contracts').reply(200, [aContract(), second]);
      expect(await client().service.listAccountContracts('ACC-FR-100245')).toEqual([aContract(), second]);
    });

    it('escapes the account number in the path', async () => {
      api().get('/api/v1/accounts/ACC%2FFR%20100245/contracts').reply(200, []);
      expect(await client().service.listAccountContracts('ACC/FR 100245')).toEqual([]);
    });

    it('returns an empty list for an unknown account', async () => {
      api().get('/api/v1/accounts/ACC-XX-000000/contracts').reply(404);
      expect(await client().service.listAccountContracts('ACC-XX-000000')).toEqual([]);
    });

    it('throws bad-response when one contract of the list is malformed', async () => {
      api().get('/api/v1/accounts/ACC-FR-100245/contracts').reply(200, [aContract(), { renewalId: 'RNW-20481245' }]);
      await expect(client().service.listAccountContracts('ACC-FR-100245')).rejects.toMatchObject({ code: 'bad-response' });
    });
  });

  describe('verifyProof', () => {
    it('posts the proof and returns the verdict', async () => {
      api().post('/api/v1/contracts/RNW-20481137/verify', { proof: PROOF }).reply(200, { verified: true });
      expect(await client().service.verifyProof('RNW-20481137', PROOF)).toBe(true);
    });

    it('returns false when the API says so', async () => {
      api().post('/api/v1/contracts/RNW-20481137/verify').reply(200, { verified: false });
      expect(await client().service.verifyProof('RNW-20481137', 'CRT-000000000')).toBe(false);
    });

    it('returns false for an unknown ID', async () => {
      api().post('/api/v1/contracts/RNW-99999999/verify').reply(404);
      expect(await client().service.verifyProof('RNW-99999999', PROOF)).toBe(false);
    });

    it('throws bad-response when the verdict is not a boolean', async () => {
      api().post('/api/v1/contracts/RNW-20481137/verify').reply(200, { verified: 'yes' });
      const error = await failure(client().service.verifyProof('RNW-20481137', PROOF));
      expect(error.code).toBe('bad-response');
      expectNoSecrets(error);
    });

    it('keeps the proof and the token out of an error after retries', async () => {
      api().post('/api/v1/contracts/RNW-20481137/verify').times(3).reply(502);
      const error = await failure(client().service.verifyProof('RNW-20481137', PROOF));
      expect(error.code).toBe('unavailable');
      expectNoSecrets(error);
    });
  });

  describe('requestQuote', () => {
    const request = { renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', note: 'Ajouter 2 licences', language: 'fr' as const };
    const receipt = { id: 'Q-7F3A21C9', renewalId: 'RNW-20481137', createdAt: '2025-01-15T09:00:00.000Z', status: 'received' };

    it('posts the request and returns the receipt', async () => {
      api()
        .post('/api/v1/contracts/RNW-20481137/quote-requests', { requestedBy: 'Claire Martin', note: 'Ajouter 2 licences', language: 'fr' })
        .matchHeader('content-type', 'application/json')
        .reply(201, receipt);
      expect(await client().service.requestQuote(request)).toEqual(receipt);
    });

    it('sends the same idempotency key on a retry', async () => {
      const keys: string[] = [];
      const remember = (value: string) => {
        keys.push(value);
        return true;
      };
      api()
        .post('/api/v1/contracts/RNW-20481137/quote-requests')
        .matchHeader('idempotency-key', remember)
        .reply(503)
        .post('/api/v1/contracts/RNW-20481137/quote-requests')
        .matchHeader('idempotency-key', remember)
        .reply(201, receipt);
      await client().service.requestQuote(request);
      expect(keys).toHaveLength(2);
      expect(keys[0]).toBe(keys[1]);
    });

    it('sends the caller\'s idempotency key, so a request retried later by the quote outbox is recorded once', async () => {
      api()
        .post('/api/v1/contracts/RNW-20481137/quote-requests')
        .matchHeader('idempotency-key', 'quote-key-1')
        .reply(201, receipt);
      expect(await client().service.requestQuote(request, { idempotencyKey: 'quote-key-1' })).toEqual(receipt);
    });

    it.each([
      [404, 'not-found'],
      [409, 'conflict'],
      [422, 'bad-request'],
    ])('throws on %i as %s, without retrying', async (status, code) => {
      api().post('/api/v1/contracts/RNW-20481137/quote-requests').reply(status);
      const { service, waits } = client();
      await expect(service.requestQuote(request)).rejects.toMatchObject({ code, status });
      expect(waits).toEqual([]);
    });

    it('throws bad-response on a receipt that does not match the schema', async () => {
      api().post('/api/v1/contracts/RNW-20481137/quote-requests').reply(201, { ...receipt, createdAt: 'yesterday' });
      await expect(client().service.requestQuote(request)).rejects.toMatchObject({ code: 'bad-response' });
    });

    it('refuses an invalid request without calling the API', async () => {
      await expect(client().service.requestQuote({ ...request, renewalId: 'RNW-1' })).rejects.toMatchObject({ code: 'bad-request' });
    });
  });
});
