import { CONTRACT_SERVICE_ERROR_CODES, ContractServiceError, type ContractServiceErrorCode } from './contractServiceError.js';

/** Why a vendor API call failed (the codes every contract service uses). */
export const CONTRACT_API_ERROR_CODES = CONTRACT_SERVICE_ERROR_CODES;
export type ContractApiErrorCode = ContractServiceErrorCode;

/**
 * A failed vendor API call (HttpContractService). The message names the operation with the renewal ID masked,
 * and never contains the API token or a proof of purchase, so it is safe to log.
 *
 * @example
 * throw new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503 after 3 attempts', 503);
 */
export class ContractApiError extends ContractServiceError {
  override readonly name: string = 'ContractApiError';

  constructor(
    code: ContractApiErrorCode,
    message: string,
    /** The last HTTP status received, when there was one. */
    readonly status?: number,
  ) {
    super(code, message);
  }
}
