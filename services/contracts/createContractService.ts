import type { Clock } from '../clock.js';
import type { ContractService } from './contractService.js';
import { FileContractService } from './fileContractService.js';
import { HttpContractService } from './httpContractService.js';
import type { QuoteStore } from './quoteStore.js';

export interface CreateContractServiceOptions {
  /** The vendor API; when absent, the embedded file service is used. */
  apiUrl?: string | undefined;
  /** Required with apiUrl. */
  apiToken?: string | undefined;
  /** @default 5000 */
  apiTimeoutMs?: number | undefined;
  /** Contracts for the embedded service (the wiring passes the shipped sample by default). */
  contractsFile: string;
  clock: Clock;
  /** Where the embedded service keeps quote requests. */
  quotes: QuoteStore;
}

/**
 * Picks the contract service for the configuration: the vendor API when a URL is given,
 * otherwise the embedded contracts file. For the wiring file only.
 *
 * @throws Error when apiUrl is given without apiToken
 * @throws ContractsFileError when the contracts file is malformed
 * @example
 * const contracts = createContractService({ apiUrl: config.CONTRACT_API_URL, apiToken: config.CONTRACT_API_TOKEN, clock: systemClock, quotes });
 */
export function createContractService(options: CreateContractServiceOptions): ContractService {
  if (options.apiUrl) {
    if (!options.apiToken) throw new Error('A contract API URL is set but no API token');
    return new HttpContractService({
      baseUrl: options.apiUrl,
      token: options.apiToken,
      ...(options.apiTimeoutMs === undefined ? {} : { timeoutMs: options.apiTimeoutMs }),
    });
  }
  return FileContractService.fromFile({
    clock: options.clock,
    quotes: options.quotes,
    file: options.contractsFile,
  });
}
