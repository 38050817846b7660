import { createHash, createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Contract, ContractService } from '../contracts/index.js';
import type { RenewalId } from '../contracts/index.js';
import type { AttemptStore } from './attemptStore.js';

/** Failures allowed per renewal ID, and per user, within the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export type ProofVerification =
  | { outcome: 'verified'; contract: Contract }
  /** Unknown ID or wrong proof: deliberately the same answer, so IDs cannot be enumerated. */
  | { outcome: 'rejected' }
  | { outcome: 'locked'; until: Date };

export type TenantVerification = { outcome: 'verified'; contract: Contract } | { outcome: 'not-applicable' };

export interface VerificationServiceOptions {
  contracts: ContractService;
  clock: Clock;
  attempts: AttemptStore;
  /**
   * When set, store keys are HMAC-SHA256 with this secret instead of plain SHA-256: renewal IDs
   * have only 10^8 values, so a plain hash can be reversed by trying them all.
   */
  keySecret?: string;
}

/**
 * Checks that the person in the conversation may see a contract, either with a proof of
 * purchase or through their Microsoft Entra tenant (Teams single sign-on).
 *
 * Lock-out: 5 failed proofs for one renewal ID (whoever types them), or by one user (whatever
 * the IDs), within 15 minutes lock that ID, or that user, for 15 minutes from the 5th failure.
 * While locked, attempts are answered `locked` without checking the proof, even a right one.
 * The 5th failure itself already answers `locked`, so the user learns at once when to retry.
 * A success clears the failures of that user (a typo followed by the right proof costs nothing
 * later) but not those of the renewal ID, so guesses spread over several users still add up.
 * Proofs are passed to the ContractService and nowhere else: never logged, returned or stored.
 *
 * @example
 * const result = await verification.verifyWithProof({ userKey: 'msteams:29:1abc', renewalId: 'RNW-20481137', proof: 'CRT-774310452' });
 * if (result.outcome === 'verified') showStatus(result.contract);
 */
export class VerificationService {
  private readonly contracts: ContractService;
  private readonly clock: Clock;
  private readonly attempts: AttemptStore;
  private readonly keySecret: string | undefined;

  constructor(options: VerificationServiceOptions) {
    this.contracts = options.contracts;
    this.clock = options.clock;
    this.attempts = options.attempts;
    this.keySecret = options.keySecret;
  }

  /**
   * @param input.userKey stable id of the person (channel + user id); must not be empty
   * @param input.renewalId the renewal ID, as extractRenewalId made it
   * @param input.proof certificate number, order number or SAN, as typed
   */
  async verifyWithProof(input: { userKey: string; renewalId: RenewalId; proof: string }): Promise<ProofVerification> {
    if (input.userKey.trim() === '') throw new TypeError('verifyWithProof: userKey is required');
    const now = this.clock.now();
    const { renewalId } = input;
    const keys = [this.key('user', input.userKey), this.key('renewal-id', renewalId)];

    const lockedUntil = await this.latestLock(keys, now);
    if (lockedUntil) return { outcome: 'locked', until: lockedUntil };

    const contract = (await this.contracts.verifyProof(renewalId, input.proof))
      ? await this.contracts.findByRenewalId(renewalId)
      : undefined;
    if (contract) {
      await this.attempts.clearFailures(this.key('user', input.userKey));
      return { outcome: 'verified', contract };
    }
    return this.fail(keys, now);
  }

  /**
   * The Teams single sign-on path: verified when `tenantId` is one of the tenants of the
   * contract's account. Anything else, an unknown ID included, is `not-applicable` and the
   * caller asks for a proof instead. Does not count as an attempt.
   *
   * @example
   * await verification.verifyByTenant({ renewalId: 'RNW-20481137', tenantId: context.activity.conversation.tenantId });
   */
  async verifyByTenant(input: { renewalId: RenewalId; tenantId: string | undefined }): Promise<TenantVerification> {
    const tenantId = input.tenantId?.trim().toLowerCase();
    const { renewalId } = input;
    if (!tenantId) return { outcome: 'not-applicable' };
    const contract = await this.contracts.findByRenewalId(renewalId);
    const allowed = contract?.account.tenantIds.some((id) => id.toLowerCase() === tenantId) ?? false;
    return contract && allowed ? { outcome: 'verified', contract } : { outcome: 'not-applicable' };
  }

  private async fail(keys: string[], now: Date): Promise<ProofVerification> {
    const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const until = new Date(now.getTime() + LOCK_MS);
    let locked = false;
    for (const key of keys) {
      await this.attempts.recordFailure(key, now);
      if ((await this.attempts.countFailuresSince(key, windowStart)) >= MAX_FAILURES) {
        await this.attempts.lock(key, until);
        locked = true;
      }
    }
    await this.attempts.prune(windowStart);
    return locked ? { outcome: 'locked', until } : { outcome: 'rejected' };
  }

  private async latestLock(keys: string[], now: Date): Promise<Date | undefined> {
    let latest: Date | undefined;
    for (const key of keys) {
      const until = await this.attempts.lockedUntil(key, now);
      if (until && (!latest || until > latest)) latest = until;
    }
    return latest;
  }

  /** What the store sees instead of a user key or renewal ID. */
  private key(kind: 'user' | 'renewal-id', value: string): string {
    const text = `${kind}:${value}`;
    const hash = this.keySecret === undefined ? createHash('sha256') : createHmac('sha256', this.keySecret);
    return hash.update(text, 'utf8').digest('hex');
  }
}
