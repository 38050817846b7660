import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Contract } from './contract.js';
import type { RenewalId } from './extractRenewalId.js';
import { ContractServiceError } from './contractServiceError.js';
import type { ContractService, QuoteRequest, QuoteRequestReceipt } from './contractService.js';
import { quoteRequestSchema } from './contractService.js';
import { loadContractsFile } from './contractsFile.js';
import { maskRenewalId } from './maskRenewalId.js';
import { proofMatches } from './proofMatches.js';
import type { QuoteStore } from './quoteStore.js';
import { formatIssues } from '../../knowledge/validation/formatIssues.js';

/** Stands in for a contract's proofs when the ID is unknown, so both paths do the same work. */
const NO_PROOFS = ['\u0000unknown-certificate', '\u0000unknown-order', undefined];

export interface FileContractServiceOptions {
  contracts: readonly Contract[];
  /** Keeps quote requests across restarts. */
  quotes: QuoteStore;
  clock: Clock;
  /** @default `Q-` and 8 random hex digits */
  newQuoteId?: () => string;
}

export interface FileContractServiceFileOptions extends Omit<FileContractServiceOptions, 'contracts'> {
  /** The contracts file (see data-samples/README.md). */
  file: string;
}

function endOf(contract: Contract): string {
  return contract.renewedEnd ?? contract.maintenanceEnd;
}

/**
 * The embedded contract service, used when no contract API is configured: contracts come from
 * a JSON file loaded once, quote requests go to a QuoteStore. A contract that has a recorded
 * quote request shows `quote-requested` (also after a restart, when the store is persistent).
 *
 * @example
 * const contracts = FileContractService.fromFile({ clock: systemClock, quotes: new SqliteQuoteStore(db) });
 * await contracts.findByRenewalId('RNW-20481137');
 */
export class FileContractService implements ContractService {
  private readonly contracts: ReadonlyMap<string, Contract>;
  private readonly quotes: QuoteStore;
  private readonly clock: Clock;
  private readonly newQuoteId: () => string;

  constructor(options: FileContractServiceOptions) {
    this.contracts = new Map(options.contracts.map((c) => [c.renewalId, structuredClone(c)]));
    this.quotes = options.quotes;
    this.clock = options.clock;
    this.newQuoteId = options.newQuoteId ?? (() => `Q-${randomUUID().slice(0, 8).toUpperCase()}`);
  }

  /**
   * Loads the contracts file (relative dates counted from the clock's today).
   * @throws ContractsFileError naming the file, the record and the field when the file is malformed
   */
  static fromFile(options: FileContractServiceFileOptions): FileContractService {
    const { file, ...rest } = options;
    return new FileContractService({ ...rest, contracts: loadContractsFile(file, options.clock.now()) });
  }

  async findByRenewalId(renewalId: RenewalId): Promise<Contract | undefined> {
    const contract = this.lookup(renewalId);
    return contract ? this.withQuoteState(contract) : undefined;
  }

  async listAccountContracts(accountNumber: string): Promise<Contract[]> {
    const wanted = accountNumber.trim().toUpperCase();
    const mine = [...this.contracts.values()]
      .filter((c) => c.account.accountNumber.toUpperCase() === wanted)
      .sort((a, b) => endOf(a).localeCompare(endOf(b)) || a.renewalId.localeCompare(b.renewalId));
    return Promise.all(mine.map((c) => this.withQuoteState(c)));
  }

  async verifyProof(renewalId: RenewalId, proof: string): Promise<boolean> {
    const contract = this.lookup(renewalId);
    if (!contract) {
      proofMatches(proof, NO_PROOFS); // same work as for a known ID: timing does not reveal which IDs exist
      return false;
    }
    return proofMatches(proof, [contract.certificateNumber, contract.orderNumber, contract.san]);
  }

  async requestQuote(request: QuoteRequest): Promise<QuoteRequestReceipt> {
    const parsed = quoteRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw new ContractServiceError('bad-request', `quote request refused: ${formatIssues(parsed.error)}`);
    }
    const { renewalId, requestedBy, note, language } = parsed.data;
    const contract = this.lookup(renewalId);
    const label = `quote request for ${maskRenewalId(renewalId)}`;
    if (!contract) throw new ContractServiceError('not-found', `${label}: no such contract`);
    if (contract.renewalState === 'ordered' || contract.renewalState === 'renewed') {
      throw new ContractServiceError('conflict', `${label}: contract is already ${contract.renewalState}`);
    }
    const createdAt = this.clock.now().toISOString();
    const id = this.newQuoteId();
    await this.quotes.add({ id, renewalId: contract.renewalId, requestedBy, language, createdAt, ...(note ? { note } : {}) });
    return { id, renewalId: contract.renewalId, createdAt, status: 'received' };
  }

  /** IDs arrive canonical (RenewalId, or a quote request checked by its schema): no normalizing here. */
  private lookup(renewalId: string): Contract | undefined {
    return this.contracts.get(renewalId);
  }

  private async withQuoteState(contract: Contract): Promise<Contract> {
    const copy = structuredClone(contract);
    if (copy.renewalState === 'not-started' && (await this.quotes.listByRenewalId(copy.renewalId)).length > 0) {
      copy.renewalState = 'quote-requested';
    }
    return copy;
  }
}
