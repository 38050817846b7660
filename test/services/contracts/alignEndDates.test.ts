import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../services/contracts/index.js';
import { alignEndDates } from '../../../services/contracts/index.js';
import { aContract } from './aContract.js';

const today = new Date(2025, 0, 15, 9, 0);

function contract(renewalId: string, maintenanceEnd: string, quantity: number, extra: Partial<Contract> = {}): Contract {
  return aContract({
    renewalId,
    maintenanceStart: '2024-01-01',
    maintenanceEnd,
    products: [{ name: 'Symantec Endpoint Protection', version: '14.3 RU8', quantity, versionSupported: true }],
    ...extra,
  });
}

describe('alignEndDates', () => {
  it('keeps the end of the contract with the most licences and moves the others to it', () => {
    const preview = alignEndDates(
      [contract('RNW-00000001', '2025-03-01', 3), contract('RNW-00000002', '2025-06-30', 40), contract('RNW-00000003', '2025-09-30', 10)],
      today,
    );
    expect(preview).toEqual({
      kind: 'proposal',
      commonEnd: new Date(2025, 5, 30),
      anchorRenewalId: 'RNW-00000002',
      changes: [
        { renewalId: 'RNW-00000001', currentEnd: new Date(2025, 2, 1), proposedEnd: new Date(2025, 5, 30), days: 121 },
        { renewalId: 'RNW-00000002', currentEnd: new Date(2025, 5, 30), proposedEnd: new Date(2025, 5, 30), days: 0 },
        { renewalId: 'RNW-00000003', currentEnd: new Date(2025, 8, 30), proposedEnd: new Date(2025, 5, 30), days: -92 },
      ],
      excluded: [],
    });
  });

  it('counts the licences of every product of a contract', () => {
    const twoProducts = aContract({
      renewalId: 'RNW-00000001',
      maintenanceStart: '2024-01-01',
      maintenanceEnd: '2025-03-01',
      products: [
        { name: 'Backup Exec', version: '22', quantity: 20, versionSupported: true },
        { name: 'Symantec Endpoint Encryption', version: '11.4', quantity: 25, versionSupported: true },
      ],
    });
    const preview = alignEndDates([twoProducts, contract('RNW-00000002', '2025-06-30', 40)], today);
    expect(preview).toMatchObject({ kind: 'proposal', anchorRenewalId: 'RNW-00000001', commonEnd: new Date(2025, 2, 1) });
  });

  it('breaks a tie in licences with the later end date', () => {
    const preview = alignEndDates([contract('RNW-00000001', '2025-03-01', 10), contract('RNW-00000002', '2025-06-30', 10)], today);
    expect(preview).toMatchObject({ kind: 'proposal', anchorRenewalId: 'RNW-00000002' });
  });

  it('leaves expired contracts out and says why', () => {
    const preview = alignEndDates(
      [contract('RNW-00000001', '2024-12-31', 500), contract('RNW-00000002', '2025-06-30', 40), contract('RNW-00000003', '2025-02-28', 5)],
      today,
    );
    expect(preview).toMatchObject({
      kind: 'proposal',
      anchorRenewalId: 'RNW-00000002',
      excluded: [{ renewalId: 'RNW-00000001', reason: 'expired' }],
    });
    expect(preview.kind === 'proposal' && preview.changes.map((c) => c.renewalId)).toEqual(['RNW-00000003', 'RNW-00000002']);
  });

  it('uses the new end of a renewed contract', () => {
    const renewed = contract('RNW-00000001', '2025-01-10', 50, { renewalState: 'renewed', renewedEnd: '2026-01-10' });
    const preview = alignEndDates([renewed, contract('RNW-00000002', '2025-06-30', 5)], today);
    expect(preview).toMatchObject({ kind: 'proposal', commonEnd: new Date(2026, 0, 10) });
    expect(preview.kind === 'proposal' && preview.changes.find((c) => c.renewalId === 'RNW-00000002')?.days).toBe(194);
  });

  it('has nothing to align with a single running contract', () => {
    const preview = alignEndDates([contract('RNW-00000001', '2024-12-31', 5), contract('RNW-00000002', '2025-06-30', 40)], today);
    expect(preview).toEqual({ kind: 'nothing-to-align', excluded: [{ renewalId: 'RNW-00000001', reason: 'expired' }] });
  });

  it('has nothing to align without contracts', () => {
    expect(alignEndDates([], today)).toEqual({ kind: 'nothing-to-align', excluded: [] });
  });

  it('counts a contract ending today as running', () => {
    const preview = alignEndDates([contract('RNW-00000001', '2025-01-15', 5), contract('RNW-00000002', '2025-06-30', 40)], today);
    expect(preview).toMatchObject({ kind: 'proposal', excluded: [] });
  });
});
