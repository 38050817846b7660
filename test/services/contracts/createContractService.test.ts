import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ContractsFileError,
  FileContractService,
  HttpContractService,
  MemoryQuoteStore,
  createContractService,
} from '../../../services/contracts/index.js';
import { SAMPLE_CONTRACTS_FILE } from '../../../bot/paths.js';
import { FakeClock } from '../fakeClock.js';
import { renewalIdOf } from './renewalIdOf.js';

const base = { clock: new FakeClock(new Date(2025, 0, 15)), quotes: new MemoryQuoteStore(), contractsFile: SAMPLE_CONTRACTS_FILE };

describe('createContractService', () => {
  it('uses the vendor API when a URL and a token are given', () => {
    expect(createContractService({ ...base, apiUrl: 'https://contracts.example.test', apiToken: 't' })).toBeInstanceOf(
      HttpContractService,
    );
  });

  it('refuses an API URL without a token', () => {
    expect(() => createContractService({ ...base, apiUrl: 'https://contracts.example.test' })).toThrow('no API token');
  });

  it('uses the contracts file when no API is configured', async () => {
    const service = createContractService(base);
    expect(service).toBeInstanceOf(FileContractService);
    expect(await service.findByRenewalId(renewalIdOf('RNW-20481137'))).toBeDefined();
  });

  it('stops on a malformed contracts file, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'create-contracts-'));
    try {
      const file = path.join(dir, 'contracts.json');
      writeFileSync(file, JSON.stringify({ contracts: [{ renewalId: 'RNW-12345678' }] }));
      expect(() => createContractService({ ...base, contractsFile: file })).toThrow(ContractsFileError);
      expect(() => createContractService({ ...base, contractsFile: file })).toThrow(`${file}: contracts[0] (RNW-12345678): `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
