import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../services/contracts/index.js';
import { aContract } from './aContract.js';
import { issuePath } from '../../../knowledge/validation/formatIssues.js';

function problems(value: unknown): string[] {
  const result = contractSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${issuePath(i)}: ${i.message}`);
}

describe('contractSchema', () => {
  it('accepts a complete contract', () => {
    expect(problems(aContract())).toEqual([]);
  });

  it('accepts a Rewards contract with a SAN', () => {
    expect(problems(aContract({ san: 'SAN-4471-2210-88' }))).toEqual([]);
  });

  it('refuses a renewal ID that is not RNW- and 8 digits', () => {
    expect(problems(aContract({ renewalId: 'RNW-2048113' }))).toEqual(['renewalId: must be RNW- followed by 8 digits']);
  });

  it('refuses a contract without products', () => {
    expect(problems(aContract({ products: [] }))).toEqual(['products: must list at least one product']);
  });

  it('refuses a quantity of zero or a fraction', () => {
    const product = { name: 'Backup Exec', version: '22', versionSupported: true };
    expect(problems(aContract({ products: [{ ...product, quantity: 0 }] }))).toHaveLength(1);
    expect(problems(aContract({ products: [{ ...product, quantity: 1.5 }] }))).toHaveLength(1);
  });

  it('refuses impossible calendar dates', () => {
    expect(problems(aContract({ maintenanceEnd: '2025-02-30' }))).toEqual(['maintenanceEnd: must be a calendar date YYYY-MM-DD']);
  });

  it('refuses an end that is not after the start', () => {
    expect(problems(aContract({ maintenanceEnd: '2024-07-01' }))).toEqual(['maintenanceEnd: must be after maintenanceStart']);
  });

  it('requires renewedEnd when the contract is renewed', () => {
    expect(problems(aContract({ renewalState: 'renewed' }))).toEqual(['renewedEnd: is required when renewalState is renewed']);
  });

  it('refuses renewedEnd on a contract that is not renewed', () => {
    expect(problems(aContract({ renewedEnd: '2026-06-30' }))).toEqual([
      'renewedEnd: must be absent unless renewalState is renewed',
    ]);
  });

  it('refuses a renewedEnd before the old end', () => {
    expect(problems(aContract({ renewalState: 'renewed', renewedEnd: '2025-01-01' }))).toEqual([
      'renewedEnd: must be after maintenanceEnd',
    ]);
  });

  it('upper-cases the region and refuses what is not a 2-letter code', () => {
    expect(contractSchema.parse(aContract({ region: 'jp' })).region).toBe('JP');
    expect(problems(aContract({ region: 'FRA' }))).toEqual(['region: must be a 2-letter country code (ISO 3166-1)']);
  });

  it('lower-cases tenant ids and refuses ones that are not GUIDs', () => {
    const account = aContract().account;
    const parsed = contractSchema.parse(aContract({ account: { ...account, tenantIds: ['3F6B2C1E-8D4A-4F7B-9C2E-5A1D7E9B0C43'] } }));
    expect(parsed.account.tenantIds).toEqual(['3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43']);
    expect(problems(aContract({ account: { ...account, tenantIds: ['contoso'] } }))).toHaveLength(1);
  });

  it('refuses a reseller e-mail that is not an address', () => {
    const reseller = { ...aContract().reseller, email: 'not an e-mail' };
    expect(problems(aContract({ reseller }))).toEqual(['reseller.email: Invalid email address']);
  });
});
