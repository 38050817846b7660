import { z } from 'zod';

/**
 * What is kept per key (a hashed source or a hashed renewal ID): how many failures, when the
 * last one was, and for a renewal ID the short hashes of the sources that failed on it.
 * Never a proof, a raw user id or a raw renewal ID.
 */
export const attemptRecordSchema = z.object({
  failures: z.number().int().min(0),
  /** Epoch milliseconds of the last failure (or reservation). */
  lastAt: z.number(),
  sources: z.array(z.string()).default([]),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

/** What an update makes of a record: the new record (undefined deletes it) and a result. */
export interface AttemptChange<T> {
  next: AttemptRecord | undefined;
  result: T;
}

/** One key's change, for {@link AttemptStore.updateInOrder}. */
export interface KeyedChange<T> {
  key: string;
  change: (current: AttemptRecord | undefined) => AttemptChange<T>;
}

/**
 * Verification attempts by key, with one operation: an atomic read-modify-write of one
 * record. Atomic means two callers (two turns, two processes) updating the same key both see
 * each other's change: one of them runs after the other, never both on the same old record.
 * That is what makes "reserve an attempt before calling the contract API" race-free.
 */
export interface AttemptStore {
  /**
   * Replaces the record of `key` with what `change` makes of it, atomically, and returns the
   * change's result. `change` may run more than once (after a write conflict): keep it pure.
   */
  update<T>(key: string, change: (current: AttemptRecord | undefined) => AttemptChange<T>): Promise<T>;
  /**
   * Applies `changes` in order, each as {@link update} does, and stops after the first one
   * whose result `goOn` refuses (the later keys are not touched); returns the results of those
   * applied. The SQLite store applies them in one transaction (all or none, one commit); a
   * store that cannot span keys applies them one after the other.
   */
  updateInOrder<T>(changes: ReadonlyArray<KeyedChange<T>>, goOn: (result: T) => boolean): Promise<T[]>;
  /** Drops records whose last failure is at or before `before` (housekeeping; may do nothing). */
  prune(before: Date): Promise<void>;
}

/**
 * {@link AttemptStore.updateInOrder}'s loop for a store that applies one change synchronously
 * (`apply`): in order, stopping after the first result `goOn` refuses.
 */
export function applyInOrder<T>(
  changes: ReadonlyArray<KeyedChange<T>>,
  goOn: (result: T) => boolean,
  apply: (key: string, change: KeyedChange<T>['change']) => T,
): T[] {
  const results: T[] = [];
  for (const { key, change } of changes) {
    const result = apply(key, change);
    results.push(result);
    if (!goOn(result)) break;
  }
  return results;
}
