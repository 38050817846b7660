import { applyInOrder, type AttemptChange, type AttemptRecord, type AttemptStore, type KeyedChange } from './attemptStore.js';

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
    return Promise.resolve(this.apply(key, change));
  }

  /** Synchronously, so atomic as a whole within the process. */
  updateInOrder<T>(changes: ReadonlyArray<KeyedChange<T>>, goOn: (result: T) => boolean): Promise<T[]> {
    return Promise.resolve(applyInOrder(changes, goOn, (key, change) => this.apply(key, change)));
  }

  prune(before: Date): Promise<void> {
    for (const [key, record] of this.records) if (record.lastAt <= before.getTime()) this.records.delete(key);
    return Promise.resolve();
  }

  private apply<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): T {
    const { next, result } = change(this.records.get(key));
    if (next) this.records.set(key, next);
    else this.records.delete(key);
    return result;
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
