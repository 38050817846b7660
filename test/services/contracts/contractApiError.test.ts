import { describe, expect, it } from 'vitest';
import { CONTRACT_API_ERROR_CODES, ContractApiError, ContractServiceError } from '../../../services/contracts/index.js';

describe('ContractApiError', () => {
  it('gives its own name to the errors of a contract service that is not the vendor API', () => {
    expect(new ContractServiceError('conflict', 'quote request for RNW-****1137: already renewed')).toMatchObject({ name: 'ContractServiceError', code: 'conflict' });
  });

  it('has unique codes', () => {
    expect(new Set(CONTRACT_API_ERROR_CODES).size).toBe(CONTRACT_API_ERROR_CODES.length);
  });

  it('carries its code, status and name', () => {
    const error = new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503', 503);
    expect(error).toBeInstanceOf(ContractServiceError);
    expect(error).toMatchObject({ name: 'ContractApiError', code: 'unavailable', status: 503 });
  });
});
