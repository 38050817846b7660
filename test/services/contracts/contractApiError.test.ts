import { describe, expect, it } from 'vitest';
import { CONTRACT_API_ERROR_CODES, ContractApiError } from '../../../services/contracts/index.js';

describe('ContractApiError', () => {
  it('has unique codes', () => {
    expect(new Set(CONTRACT_API_ERROR_CODES).size).toBe(CONTRACT_API_ERROR_CODES.length);
  });

  it('carries its code, status and name', () => {
    const error = new ContractApiError('unavailable', 'GET /contracts/RNW-****1137: HTTP 503', 503);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ContractApiError', code: 'unavailable', status: 503 });
  });
});
