import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder-core';
import type { RenewalId } from '../../services/contracts/index.js';

/** Where a contract's walkthrough stopped. */
export interface SavedProgress {
  step: number;
  updatedAt: string;
}

/**
 * Walkthrough progress kept with the contract, not the user: whoever verifies the contract
 * again, on any device or channel, resumes where it stopped. The key is a hash of the renewal
 * ID, so the store does not list which contracts exist.
 */
export class WalkthroughProgress {
  constructor(private readonly storage: Storage) {}

  async get(renewalId: RenewalId): Promise<SavedProgress | undefined> {
    const key = progressKeyOf(renewalId);
    const item: unknown = (await this.storage.read([key]))[key];
    if (typeof item !== 'object' || item === null || !('step' in item) || !('updatedAt' in item)) return undefined;
    const { step, updatedAt } = item;
    return typeof step === 'number' && Number.isInteger(step) && step >= 1 && typeof updatedAt === 'string' ? { step, updatedAt } : undefined;
  }

  async save(renewalId: RenewalId, progress: SavedProgress): Promise<void> {
    await this.storage.write({ [progressKeyOf(renewalId)]: { ...progress, eTag: '*' } });
  }

  async clear(renewalId: RenewalId): Promise<void> {
    await this.storage.delete([progressKeyOf(renewalId)]);
  }
}

/** The storage key of a contract's progress: a SHA-256 of the renewal ID, never the ID itself. */
export function progressKeyOf(renewalId: RenewalId): string {
  return `walkthrough/${createHash('sha256').update(renewalId).digest('hex')}`;
}
