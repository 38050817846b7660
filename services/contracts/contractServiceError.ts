/** Why a contract service call failed; dialogs choose their apology from this. */
export const CONTRACT_SERVICE_ERROR_CODES = [
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

export type ContractServiceErrorCode = (typeof CONTRACT_SERVICE_ERROR_CODES)[number];

/**
 * A contract service call that failed, whichever service answered (file or vendor API); dialogs
 * choose their apology from its code. The message is safe to log (IDs masked, no proof).
 */
export class ContractServiceError extends Error {
  override readonly name: string = 'ContractServiceError';

  constructor(readonly code: ContractServiceErrorCode, message: string) {
    super(message);
  }
}
