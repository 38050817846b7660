import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_CONTRACTS_FILE } from '../../../bot/paths.js';
import {
  ContractsFileError,
  alignEndDates,
  contractStatus,
  loadContractsFile,
  needsRenewal,
  resolveContracts,
} from '../../../services/contracts/index.js';
import { aContract } from './aContract.js';

const today = new Date(2025, 0, 15, 9, 0);

describe('resolveContracts', () => {
  it('turns relative dates into calendar dates counted from today', () => {
    const record = { ...aContract(), maintenanceStart: { daysFromToday: -300 }, maintenanceEnd: { daysFromToday: 65 } };
    const [contract] = resolveContracts({ contracts: [record] }, today, 'c.json');
    expect(contract).toMatchObject({ maintenanceStart: '2024-03-21', maintenanceEnd: '2025-03-21' });
  });

  it('keeps absolute dates as they are', () => {
    const [contract] = resolveContracts({ contracts: [aContract()] }, today, 'c.json');
    expect(contract).toMatchObject({ maintenanceStart: '2024-07-01', maintenanceEnd: '2025-06-30' });
  });

  it('resolves a relative renewedEnd', () => {
    const record = { ...aContract(), renewalState: 'renewed', renewedEnd: { daysFromToday: 400 } };
    expect(resolveContracts({ contracts: [record] }, today, 'c.json')[0]?.renewedEnd).toBe('2026-02-19');
  });

  it('names the file, the record and the field of a bad value', () => {
    const records = [aContract(), { ...aContract({ renewalId: 'RNW-20481245' }), segment: 'smallbiz' }];
    expect(() => resolveContracts({ contracts: records }, today, 'c.json')).toThrow(
      new ContractsFileError('c.json: contracts[1] (RNW-20481245): segment: Invalid option: expected one of "smb"|"enterprise"'),
    );
  });

  it('names the record by index alone when it has no renewal ID', () => {
    const { renewalId: _, ...record } = aContract();
    expect(() => resolveContracts({ contracts: [record] }, today, 'c.json')).toThrow(/^c\.json: contracts\[0\]: renewalId: /);
  });

  it('reports a field nested in a product', () => {
    const product = { name: 'Backup Exec', version: '22', quantity: 0, versionSupported: true };
    expect(() => resolveContracts({ contracts: [aContract({ products: [product] })] }, today, 'c.json')).toThrow(
      /contracts\[0\] \(RNW-20481137\): products\.0\.quantity: /,
    );
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const record = { ...aContract(), maintenanceEndOffsetDays: 65 };
    expect(() => resolveContracts({ contracts: [record] }, today, 'c.json')).toThrow(/maintenanceEndOffsetDays/);
  });

  it('reports an end before the start once relative dates are resolved', () => {
    const record = { ...aContract(), maintenanceStart: { daysFromToday: 10 }, maintenanceEnd: { daysFromToday: -10 } };
    expect(() => resolveContracts({ contracts: [record] }, today, 'c.json')).toThrow(
      'c.json: contracts[0] (RNW-20481137): maintenanceEnd: must be after maintenanceStart',
    );
  });

  it('refuses a renewal ID used twice', () => {
    expect(() => resolveContracts({ contracts: [aContract(), aContract()] }, today, 'c.json')).toThrow(
      'c.json: contracts[1] (RNW-20481137): renewalId: already used by contracts[0]',
    );
  });

  it('refuses a file without a contracts list', () => {
    expect(() => resolveContracts([aContract()], today, 'c.json')).toThrow(/^c\.json: /);
  });
});

describe('loadContractsFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'contracts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a file that is not JSON', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "contracts": [ ');
    expect(() => loadContractsFile(file, today)).toThrow(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}: is not valid JSON`));
  });

  it('names a file that does not exist', () => {
    const file = path.join(dir, 'missing.json');
    expect(() => loadContractsFile(file, today)).toThrow(ContractsFileError);
    expect(() => loadContractsFile(file, today)).toThrow(`${file}: cannot be read`);
  });
});

describe('the sample contracts', () => {
  /** What data-samples/README.md promises for each sample contract. */
  const promised: Record<string, { status: string; needsRenewal: boolean; state: string }> = {
    'RNW-20481137': { status: 'active', needsRenewal: false, state: 'not-started' },
    'RNW-20481245': { status: 'expiring', needsRenewal: true, state: 'not-started' },
    'RNW-20481389': { status: 'active', needsRenewal: false, state: 'not-started' },
    'RNW-30550912': { status: 'expiring', needsRenewal: true, state: 'quote-requested' },
    'RNW-31007744': { status: 'expired', needsRenewal: true, state: 'not-started' },
    'RNW-40213358': { status: 'expired', needsRenewal: true, state: 'not-started' },
    'RNW-52340017': { status: 'active', needsRenewal: false, state: 'not-started' },
    'RNW-52340218': { status: 'expired', needsRenewal: true, state: 'not-started' },
    'RNW-60078421': { status: 'expiring', needsRenewal: true, state: 'ordered' },
    'RNW-61194530': { status: 'active', needsRenewal: false, state: 'renewed' },
    'RNW-62507719': { status: 'active', needsRenewal: false, state: 'renewed' },
    'RNW-70345566': { status: 'expiring', needsRenewal: true, state: 'not-started' },
    'RNW-80912264': { status: 'active', needsRenewal: false, state: 'not-started' },
    'RNW-90127740': { status: 'active', needsRenewal: true, state: 'not-started' },
  };

  it.each([new Date(2025, 0, 15, 9, 0), new Date(2031, 1, 28, 23, 30), new Date(2028, 1, 29, 0, 5)])(
    'shows the promised status of every contract on %s',
    (when) => {
      const contracts = loadContractsFile(SAMPLE_CONTRACTS_FILE, when);
      const seen = Object.fromEntries(
        contracts.map((c) => [
          c.renewalId,
          { status: contractStatus(c, when).status, needsRenewal: needsRenewal(c, when), state: c.renewalState },
        ]),
      );
      expect(seen).toEqual(promised);
    },
  );

  it('previews the co-termination promised for the two multi-contract accounts', () => {
    const contracts = loadContractsFile(SAMPLE_CONTRACTS_FILE, today);
    const martin = alignEndDates(contracts.filter((c) => c.account.accountNumber === 'ACC-FR-100245'), today);
    expect(martin.kind === 'proposal' && martin.anchorRenewalId).toBe('RNW-20481137');
    expect(martin.kind === 'proposal' && martin.changes.map((c) => [c.renewalId, c.days])).toEqual([
      ['RNW-20481245', 105],
      ['RNW-20481137', 0],
      ['RNW-20481389', -80],
    ]);
    const maple = alignEndDates(contracts.filter((c) => c.account.accountNumber === 'ACC-CA-523118'), today);
    expect(maple).toEqual({ kind: 'nothing-to-align', excluded: [{ renewalId: 'RNW-52340218', reason: 'expired' }] });
  });

  it('has one contract ending on the day it is loaded', () => {
    const contract = loadContractsFile(SAMPLE_CONTRACTS_FILE, today).find((c) => c.renewalId === 'RNW-70345566');
    expect(contract && contractStatus(contract, today).daysLeft).toBe(0);
  });

  it('has an expired contract in Japan, a Rewards contract, an enterprise one and an unsupported version', () => {
    const contracts = loadContractsFile(SAMPLE_CONTRACTS_FILE, today);
    expect(contracts.some((c) => c.region === 'JP' && contractStatus(c, today).status === 'expired')).toBe(true);
    expect(contracts.some((c) => c.san !== undefined)).toBe(true);
    expect(contracts.some((c) => c.segment === 'enterprise')).toBe(true);
    expect(contracts.some((c) => c.products.some((p) => !p.versionSupported))).toBe(true);
  });
});
