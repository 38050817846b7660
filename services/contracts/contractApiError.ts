/** Why a contract service call failed; dialogs choose their apology from this. */
export const CONTRACT_API_ERROR_CODES = [
  /** 401/403: the bot's API token is missing, wrong or lacks the right. */
  'unauthorized',
  /** The contract a quote was requested for does not exist. */
  'not-found',
  /** The contract is already ordered or renewed: no quote can be requested. */
  'conflict',
  /** Any other 4xx: the request itself was refused. */
  'bad-request',
  /** Every attempt exceeded its time limit. */
  'timeout',
  /** 5xx or network failure on every attempt. */
  'unavailable',
  /** The answer was not JSON or did not match the expected schema. */
  'bad-response',
] as const;

export type ContractApiErrorCode = (typeof CONTRACT_API_ERROR_CODES)[number];

/**
 * A failed contract service call. The message names the operation with the renewal ID masked,
 * and never contains the API token or a proof of purchase, so it is safe to log.
 *
 * @example
 * throw new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503 after 3 attempts', 503);
 */
export class ContractApiError extends Error {
  override readonly name = 'ContractApiError';

  constructor(
    readonly code: ContractApiErrorCode,
    message: string,
    /** The last HTTP status received, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }
}
