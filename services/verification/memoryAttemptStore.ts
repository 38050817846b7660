import type { AttemptChange, AttemptRecord, AttemptStore } from './attemptStore.js';

/**
 * Attempts kept in memory: for tests and single-process demos (forgotten on restart).
 * An update runs synchronously, so it is atomic within the process.
 *
 * @example
 * const verification = new VerificationService({ contracts, clock, attempts: new MemoryAttemptStore() });
 */
export class MemoryAttemptStore implements AttemptStore {
  private readonly records = new Map<string, AttemptRecord>();

  update<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): Promise<T> {
    const { next, result } = change(this.records.get(key));
    if (next) this.records.set(key, next);
    else this.records.delete(key);
    return Promise.resolve(result);
  }

  prune(before: Date): Promise<void> {
    for (const [key, record] of this.records) if (record.lastAt <= before.getTime()) this.records.delete(key);
    return Promise.resolve();
  }

  /** Every record held, for tests that check nothing raw is stored. */
  keys(): string[] {
    return [...this.records.keys()];
  }

  /** Everything held, keys and records, as JSON (tests). */
  dump(): string {
    return JSON.stringify([...this.records]);
  }
}
