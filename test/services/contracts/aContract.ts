import type { Contract } from '../../../services/contracts/index.js';

/** A valid contract to start from; each test overrides what it is about. */
export function aContract(overrides: Partial<Contract> = {}): Contract {
  return {
    renewalId: 'RNW-20481137',
    account: {
      name: 'Boulangeries Martin SARL',
      accountNumber: 'ACC-FR-100245',
      tenantIds: ['3f6b2c1e-8d4a-4f7b-9c2e-5a1d7e9b0c43'],
      emailDomains: ['boulangeries-martin.example'],
    },
    certificateNumber: 'CRT-774310452',
    orderNumber: 'SO-5501229',
    products: [{ name: 'Symantec Endpoint Protection', version: '14.3 RU8', quantity: 40, versionSupported: true }],
    maintenanceStart: '2024-07-01',
    maintenanceEnd: '2025-06-30',
    segment: 'smb',
    region: 'FR',
    reseller: { name: 'Infogérance Lyonnaise', email: 'renouvellements@infogerance-lyonnaise.example', phone: '+33 1 99 00 41 20' },
    renewalState: 'not-started',
    ...overrides,
  };
}
