import { createHash, createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Contract, ContractService } from '../contracts/index.js';
import { extractRenewalId, maskRenewalId } from '../contracts/index.js';
import {
  ALERT_SOURCES, blockedUntil, current, RENEWAL_ID_POLICY, refund, reserve, SOURCE_POLICY,
  type AttemptPolicy, type Reservation,
} from './attemptPolicy.js';
import type { RenewalId } from '../contracts/index.js';
import type { AttemptRecord, AttemptStore } from './attemptStore.js';

export type ProofVerification =
  | { outcome: 'verified'; contract: Contract }
  /** Unknown ID or wrong proof: deliberately the same answer, so IDs cannot be enumerated. */
  | { outcome: 'rejected' }
  /** Too many failures: the next attempt waits until `until` (not a permanent lock). */
  | { outcome: 'locked'; until: Date };

export type TenantVerification = { outcome: 'verified'; contract: Contract } | { outcome: 'not-applicable' };

/** Raised when one renewal ID collects failures from {@link ALERT_SOURCES} or more sources. */
export interface VerificationAlert {
  kind: 'renewal-id-attacked';
  /** The renewal ID, masked as in every log line. */
  renewalId: string;
  sources: number;
  failures: number;
}

/** What an agent sees about one renewal ID's attempts. */
export interface AttemptStatus {
  failures: number;
  sources: number;
  waitUntil: Date | undefined;
}

export interface VerificationServiceOptions {
  contracts: ContractService;
  clock: Clock;
  attempts: AttemptStore;
  /**
   * When set, store keys are HMAC-SHA256 with this secret instead of plain SHA-256: renewal IDs
   * have only 10^8 values, so a plain hash can be reversed by trying them all.
   */
  keySecret?: string;
  /** Told when a renewal ID looks attacked (the wiring logs it as a warning). */
  onAlert?: (alert: VerificationAlert) => void;
}

interface Slot {
  key: string;
  policy: AttemptPolicy;
  /** Short hash of the source, kept on renewal-ID records to count distinct sources. */
  source?: string;
}

/**
 * Checks that the person in the conversation may see a contract, either with a proof of
 * purchase or through their Microsoft Entra tenant (Teams single sign-on).
 *
 * Failures are counted per source (the channel's user) and per renewal ID. Past a few free
 * failures each further attempt waits, with a delay that doubles (see attemptPolicy.ts): a
 * brute force gets a handful of guesses a day, while nobody can lock an owner out for good
 * (the renewal ID's delay never exceeds 15 minutes, and an agent can lift it with
 * {@link unlock}). The attempt is reserved atomically in the store *before* the contract
 * service is asked, and refunded on success, so parallel attempts cannot all get through.
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
  private readonly onAlert: (alert: VerificationAlert) => void;

  constructor(options: VerificationServiceOptions) {
    this.contracts = options.contracts;
    this.clock = options.clock;
    this.attempts = options.attempts;
    this.keySecret = options.keySecret;
    this.onAlert = options.onAlert ?? (() => undefined);
  }

  /**
   * @param input.userKey stable id of the person (channel + user id); must not be empty
   * @param input.renewalId the renewal ID, as extractRenewalId made it
   * @param input.proof certificate number, order number or SAN, as typed
   */
  async verifyWithProof(input: { userKey: string; renewalId: RenewalId; proof: string }): Promise<ProofVerification> {
    if (input.userKey.trim() === '') throw new TypeError('verifyWithProof: userKey is required');
    const now = this.clock.now().getTime();
    const { renewalId } = input;
    const slots = this.slotsFor(input.userKey, renewalId);

    const reserved = await this.reserveAttempt(slots, now);
    if (!reserved.ok) return { outcome: 'locked', until: new Date(reserved.until) };

    let contract: Contract | undefined;
    try {
      contract = (await this.contracts.verifyProof(renewalId, input.proof)) ? await this.contracts.findByRenewalId(renewalId) : undefined;
    } catch (error) {
      // An outage is not the user's failure.
      await this.refundAttempt(slots, reserved.reservations);
      throw error;
    }
    if (contract) {
      await this.settleSuccess(slots, reserved.reservations);
      return { outcome: 'verified', contract };
    }
    this.alertIfAttacked(renewalId, reserved.reservations[1]);
    await this.attempts.prune(new Date(now - SOURCE_POLICY.forgetAfterMs));
    const waits = reserved.reservations.map((r) => (r.reserved ? r.blockedAfter ?? 0 : 0));
    const until = Math.max(...waits);
    return until > now ? { outcome: 'locked', until: new Date(until) } : { outcome: 'rejected' };
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

  /**
   * For support agents: lifts the wait on a renewal ID (and on one user, when given) after
   * checking who is asking, e.g. `npm run unlock -- RNW-20481137`.
   */
  async unlock(input: { renewalId: string; userKey?: string }): Promise<void> {
    const renewalId = this.canonical(input.renewalId);
    await this.attempts.update(this.key('renewal-id', renewalId), () => ({ next: undefined, result: undefined }));
    if (input.userKey) await this.attempts.update(this.key('user', input.userKey), () => ({ next: undefined, result: undefined }));
  }

  /** For support agents: the failures counted on a renewal ID and how long it must wait. */
  async attemptStatus(renewalIdText: string): Promise<AttemptStatus> {
    const now = this.clock.now().getTime();
    const record = await this.attempts.update(this.key('renewal-id', this.canonical(renewalIdText)), (r) => ({ next: r, result: r }));
    const live = current(record, now, RENEWAL_ID_POLICY);
    const until = blockedUntil(record, now, RENEWAL_ID_POLICY);
    return { failures: live?.failures ?? 0, sources: live?.sources.length ?? 0, waitUntil: until === undefined ? undefined : new Date(until) };
  }

  /**
   * Reserves one attempt on every slot, in order (in one commit where the store can); a slot
   * that must wait stops there, and the earlier ones are given back.
   */
  private async reserveAttempt(slots: Slot[], now: number): Promise<{ ok: true; reservations: Reservation[] } | { ok: false; until: number }> {
    const results = await this.attempts.updateInOrder(
      slots.map((slot) => ({ key: slot.key, change: (record: AttemptRecord | undefined) => reserve(record, now, slot.policy, slot.source) })),
      (reservation) => reservation.reserved,
    );
    const reservations: Reservation[] = [];
    for (const reservation of results) {
      if (!reservation.reserved) {
        await this.refundAttempt(slots.slice(0, reservations.length), reservations);
        return { ok: false, until: reservation.until };
      }
      reservations.push(reservation);
    }
    return { ok: true, reservations };
  }

  /**
   * Gives back the reservations. The keys are independent and a refund only takes back, so
   * they are sent together: the SQLite store commits them in one transaction.
   */
  private async refundAttempt(slots: Slot[], reservations: Reservation[]): Promise<void> {
    await Promise.all(slots.map((slot, i) => {
      const added = reservations[i]?.reserved === true && reservations[i].newSource ? slot.source : undefined;
      return this.attempts.update(slot.key, (record) => refund(record, added));
    }));
  }

  /** A success forgets the source's failures; the renewal ID only gets its reservation back (together, as above). */
  private async settleSuccess(slots: Slot[], reservations: Reservation[]): Promise<void> {
    const [source, ...rest] = slots;
    await Promise.all([
      source ? this.attempts.update(source.key, () => ({ next: undefined, result: undefined })) : undefined,
      this.refundAttempt(rest, reservations.slice(1)),
    ]);
  }

  private alertIfAttacked(renewalId: string, reservation: Reservation | undefined): void {
    if (reservation?.reserved !== true || !reservation.newSource || reservation.sources < ALERT_SOURCES) return;
    this.onAlert({ kind: 'renewal-id-attacked', renewalId: maskRenewalId(renewalId), sources: reservation.sources, failures: reservation.failures });
  }

  /** The source first (its failures are forgotten on success), then the renewal ID. */
  private slotsFor(userKey: string, renewalId: string): Slot[] {
    const sourceKey = this.key('user', userKey);
    return [
      { key: sourceKey, policy: SOURCE_POLICY },
      { key: this.key('renewal-id', renewalId), policy: RENEWAL_ID_POLICY, source: sourceKey.slice(0, 16) },
    ];
  }

  private canonical(renewalIdText: string): string {
    return extractRenewalId(renewalIdText) ?? renewalIdText.trim().toUpperCase();
  }

  /** What the store sees instead of a user key or renewal ID. */
  private key(kind: 'user' | 'renewal-id', value: string): string {
    const text = `${kind}:${value}`;
    const hash = this.keySecret === undefined ? createHash('sha256') : createHmac('sha256', this.keySecret);
    return hash.update(text, 'utf8').digest('hex');
  }
}
