import type { AttemptStore } from './attemptStore.js';

/**
 * Attempts kept in memory: for tests and single-process demos (forgotten on restart).
 *
 * @example
 * const verification = new VerificationService({ contracts, clock, attempts: new MemoryAttemptStore() });
 */
export class MemoryAttemptStore implements AttemptStore {
  private readonly failures = new Map<string, number[]>();
  private readonly locks = new Map<string, number>();

  recordFailure(key: string, at: Date): Promise<void> {
    this.failures.set(key, [...(this.failures.get(key) ?? []), at.getTime()]);
    return Promise.resolve();
  }

  countFailuresSince(key: string, since: Date): Promise<number> {
    const after = since.getTime();
    return Promise.resolve((this.failures.get(key) ?? []).filter((at) => at > after).length);
  }

  clearFailures(key: string): Promise<void> {
    this.failures.delete(key);
    return Promise.resolve();
  }

  lock(key: string, until: Date): Promise<void> {
    this.locks.set(key, Math.max(until.getTime(), this.locks.get(key) ?? 0));
    return Promise.resolve();
  }

  lockedUntil(key: string, now: Date): Promise<Date | undefined> {
    const until = this.locks.get(key);
    return Promise.resolve(until !== undefined && until > now.getTime() ? new Date(until) : undefined);
  }

  prune(before: Date): Promise<void> {
    const limit = before.getTime();
    for (const [key, times] of this.failures) {
      const kept = times.filter((at) => at > limit);
      if (kept.length > 0) this.failures.set(key, kept);
      else this.failures.delete(key);
    }
    for (const [key, until] of this.locks) if (until <= limit) this.locks.delete(key);
    return Promise.resolve();
  }

  /** Every key held, for tests that check nothing raw is stored. */
  keys(): string[] {
    return [...new Set([...this.failures.keys(), ...this.locks.keys()])];
  }
}
