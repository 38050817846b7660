import { describe, expect, it } from 'vitest';
import { CONTRACT_API_ERROR_CODES, ContractApiError, ContractServiceError } from '../../../services/contracts/index.js';

describe('contract service errors', () => {
  it('has unique codes', () => {
    expect(new Set(CONTRACT_API_ERROR_CODES).size).toBe(CONTRACT_API_ERROR_CODES.length);
  });

  it('lets dialogs catch a vendor API failure as any contract service failure', () => {
    const caught: unknown = new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503', 503);
    expect(caught).toBeInstanceOf(ContractServiceError);
  });

  it('names the service that failed in logs and stack traces', () => {
    expect(String(new ContractApiError('timeout', 'GET /contracts/RNW-****1137: no answer'))).toBe('ContractApiError: GET /contracts/RNW-****1137: no answer');
    expect(String(new ContractServiceError('conflict', 'quote request for RNW-****1137: already renewed'))).toBe('ContractServiceError: quote request for RNW-****1137: already renewed');
  });
});
