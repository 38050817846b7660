import type { Clock } from '../clock.js';
import type { Contract } from './contract.js';
import type { ContractService, QuoteRequest, QuoteRequestOptions, QuoteRequestReceipt } from './contractService.js';
import type { RenewalId } from './extractRenewalId.js';

export interface RecentContractsOptions {
  clock: Clock;
  /** How long a contract read is reused. @default 60000 (one minute) */
  ttlMs?: number;
  /** Contracts and account lists kept at most; the oldest go first. @default 1000 */
  max?: number;
}

interface Entry<T> {
  value: T;
  readAt: number;
}

/**
 * Keeps the contracts read in the last minute, in memory, so a walkthrough does not fetch the
 * contract and its account's contracts again at each of its six steps. A quote request goes
 * through and drops what it changed, so the next step reads it afresh. Proof checks are never
 * cached. Memory only: nothing here reaches the bot's state or storage (contracts hold proofs).
 */
export class RecentContracts implements ContractService {
  private readonly byId = new Map<string, Entry<Contract | undefined>>();
  private readonly byAccount = new Map<string, Entry<Contract[]>>();
  private readonly ttlMs: number;
  private readonly max: number;

  constructor(private readonly inner: ContractService, private readonly options: RecentContractsOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.max = options.max ?? 1000;
  }

  async findByRenewalId(renewalId: RenewalId): Promise<Contract | undefined> {
    const fresh = this.fresh(this.byId, renewalId);
    if (fresh) return fresh.value;
    const contract = await this.inner.findByRenewalId(renewalId);
    this.keep(this.byId, renewalId, contract);
    return contract;
  }

  async listAccountContracts(accountNumber: string): Promise<Contract[]> {
    const fresh = this.fresh(this.byAccount, accountNumber);
    if (fresh) return fresh.value;
    const contracts = await this.inner.listAccountContracts(accountNumber);
    this.keep(this.byAccount, accountNumber, contracts);
    return contracts;
  }

  verifyProof(renewalId: RenewalId, proof: string): Promise<boolean> {
    return this.inner.verifyProof(renewalId, proof);
  }

  async requestQuote(request: QuoteRequest, options?: QuoteRequestOptions): Promise<QuoteRequestReceipt> {
    try {
      return await this.inner.requestQuote(request, options);
    } finally {
      this.forget(request.renewalId);
    }
  }

  /** Drops a contract and every account list that holds it. */
  private forget(renewalId: string): void {
    this.byId.delete(renewalId);
    for (const [account, entry] of this.byAccount) {
      if (entry.value.some((c) => c.renewalId === renewalId)) this.byAccount.delete(account);
    }
  }

  private fresh<T>(map: Map<string, Entry<T>>, key: string): Entry<T> | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (this.options.clock.now().getTime() - entry.readAt < this.ttlMs) return entry;
    map.delete(key);
    return undefined;
  }

  private keep<T>(map: Map<string, Entry<T>>, key: string, value: T): void {
    map.delete(key);
    map.set(key, { value, readAt: this.options.clock.now().getTime() });
    if (map.size > this.max) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
  }
}
