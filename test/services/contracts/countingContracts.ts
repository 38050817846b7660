import type { ContractService, QuoteRequest, QuoteRequestOptions, RenewalId } from '../../../services/contracts/index.js';

/** Wraps a contract service and counts the calls that reach it. */
export class CountingContracts implements ContractService {
  readonly calls = { findByRenewalId: 0, listAccountContracts: 0, verifyProof: 0, requestQuote: 0 };

  constructor(private readonly inner: ContractService) {}

  findByRenewalId(renewalId: RenewalId) {
    this.calls.findByRenewalId += 1;
    return this.inner.findByRenewalId(renewalId);
  }

  listAccountContracts(accountNumber: string) {
    this.calls.listAccountContracts += 1;
    return this.inner.listAccountContracts(accountNumber);
  }

  verifyProof(renewalId: RenewalId, proof: string) {
    this.calls.verifyProof += 1;
    return this.inner.verifyProof(renewalId, proof);
  }

  requestQuote(request: QuoteRequest, options?: QuoteRequestOptions) {
    this.calls.requestQuote += 1;
    return this.inner.requestQuote(request, options);
  }
}
