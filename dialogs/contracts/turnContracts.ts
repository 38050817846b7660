import type { TurnContext } from 'botbuilder-core';
import type { Contract, ContractService, RenewalId } from '../../services/contracts/index.js';

const KEY = Symbol('turnContracts');

/**
 * The contracts fetched during one turn: verification hands over the contract it fetched to
 * prove ownership, and the status or walkthrough shown in the same turn reads it from here, so
 * a turn fetches each contract (and each account's list) once. Lives in the turn only, never in
 * state: a contract holds proofs of purchase.
 */
export class TurnContracts {
  private readonly byId = new Map<string, Contract | undefined>();
  private readonly byAccount = new Map<string, Contract[]>();

  private constructor(private readonly service: ContractService) {}

  static of(context: TurnContext, service: ContractService): TurnContracts {
    const cached: unknown = context.turnState.get(KEY);
    if (cached instanceof TurnContracts) return cached;
    const created = new TurnContracts(service);
    context.turnState.set(KEY, created);
    return created;
  }

  /** Keeps a contract fetched elsewhere this turn (by the verification). */
  remember(contract: Contract): void {
    this.byId.set(contract.renewalId, contract);
  }

  async find(renewalId: RenewalId): Promise<Contract | undefined> {
    if (this.byId.has(renewalId)) return this.byId.get(renewalId);
    const contract = await this.service.findByRenewalId(renewalId);
    this.byId.set(renewalId, contract);
    return contract;
  }

  async account(accountNumber: string): Promise<Contract[]> {
    const cached = this.byAccount.get(accountNumber);
    if (cached) return cached;
    const contracts = await this.service.listAccountContracts(accountNumber);
    this.byAccount.set(accountNumber, contracts);
    for (const contract of contracts) if (!this.byId.has(contract.renewalId)) this.byId.set(contract.renewalId, contract);
    return contracts;
  }

  /** Forgets what changed (after a quote request): the next read fetches it again. */
  forget(renewalId: string, accountNumber?: string): void {
    this.byId.delete(renewalId);
    if (accountNumber) this.byAccount.delete(accountNumber);
  }
}
