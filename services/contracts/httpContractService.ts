import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Contract } from './contract.js';
import { RENEWAL_ID_PATTERN, contractSchema } from './contract.js';
import { ContractApiError } from './contractApiError.js';
import type { ContractService, QuoteRequest, QuoteRequestOptions, QuoteRequestReceipt } from './contractService.js';
import { quoteRequestReceiptSchema, quoteRequestSchema } from './contractService.js';
import { maskRenewalId } from './maskRenewalId.js';
import { ContractApiClient, type Call, type ContractApiClientOptions } from './contractApiClient.js';

export type HttpContractServiceOptions = ContractApiClientOptions;

const verifyResponseSchema = z.object({ verified: z.boolean() });
const contractListSchema = z.array(contractSchema);

function maskAccount(accountNumber: string): string {
  return accountNumber.length <= 4 ? '****' : `****${accountNumber.slice(-4)}`;
}

/**
 * The vendor's contract API (endpoints in README-api.md). Every answer is checked against its
 * zod schema; each attempt has its own time limit; 5xx answers, network errors and time-outs
 * are retried with exponential back-off, 4xx answers are not (see ContractApiClient).
 * Failures are ContractApiErrors whose messages mask IDs and never contain the token or a proof.
 *
 * @example
 * const contracts = new HttpContractService({ baseUrl: 'https://contracts.example.com/api/v1', token });
 * const contract = await contracts.findByRenewalId('RNW-20481137');
 */
export class HttpContractService implements ContractService {
  private readonly api: ContractApiClient;

  constructor(options: HttpContractServiceOptions) {
    this.api = new ContractApiClient(options);
  }

  async findByRenewalId(renewalId: string): Promise<Contract | undefined> {
    const id = renewalId.trim().toUpperCase();
    if (!RENEWAL_ID_PATTERN.test(id)) return undefined;
    const call: Call = { method: 'GET', path: `/contracts/${id}`, label: `GET /contracts/${maskRenewalId(id)}` };
    const answer = await this.api.send(call);
    if (answer.status === 404) return undefined;
    this.api.expectSuccess(call, answer);
    const contract = this.api.validate(call, contractSchema, answer.json);
    if (contract.renewalId !== id) throw new ContractApiError('bad-response', `${call.label}: answered with another contract`, answer.status);
    return contract;
  }

  async listAccountContracts(accountNumber: string): Promise<Contract[]> {
    const account = accountNumber.trim();
    if (account === '') return [];
    const call: Call = {
      method: 'GET',
      path: `/accounts/${encodeURIComponent(account)}/contracts`,
      label: `GET /accounts/${maskAccount(account)}/contracts`,
    };
    const answer = await this.api.send(call);
    if (answer.status === 404) return [];
    this.api.expectSuccess(call, answer);
    return this.api.validate(call, contractListSchema, answer.json);
  }

  async verifyProof(renewalId: string, proof: string): Promise<boolean> {
    const id = renewalId.trim().toUpperCase();
    if (!RENEWAL_ID_PATTERN.test(id) || proof.trim() === '') return false;
    const call: Call = {
      method: 'POST',
      path: `/contracts/${id}/verify`,
      label: `POST /contracts/${maskRenewalId(id)}/verify`,
      body: { proof },
    };
    const answer = await this.api.send(call);
    if (answer.status === 404) return false;
    this.api.expectSuccess(call, answer);
    return this.api.validate(call, verifyResponseSchema, answer.json).verified;
  }

  async requestQuote(request: QuoteRequest, options: QuoteRequestOptions = {}): Promise<QuoteRequestReceipt> {
    const parsed = quoteRequestSchema.safeParse(request);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new ContractApiError('bad-request', `quote request refused: invalid ${fields}`);
    }
    const { renewalId, ...body } = parsed.data;
    const call: Call = {
      method: 'POST',
      path: `/contracts/${renewalId}/quote-requests`,
      label: `POST /contracts/${maskRenewalId(renewalId)}/quote-requests`,
      body,
      // Same key on every attempt (and on a later retry by the quote outbox): recorded once.
      headers: { 'Idempotency-Key': options.idempotencyKey ?? randomUUID() },
    };
    const answer = await this.api.send(call);
    this.api.expectSuccess(call, answer);
    const receipt = this.api.validate(call, quoteRequestReceiptSchema, answer.json);
    if (receipt.renewalId !== renewalId) throw new ContractApiError('bad-response', `${call.label}: receipt names another contract`, answer.status);
    return receipt;
  }
}
