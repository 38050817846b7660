/**
 * Failed verification attempts and lock-outs, by key. Keys arrive already hashed (the
 * VerificationService never hands in a raw user key or renewal ID), and only keys and times
 * are kept: never a proof.
 */
export interface AttemptStore {
  recordFailure(key: string, at: Date): Promise<void>;
  /** How many failures `key` has strictly after `since`. */
  countFailuresSince(key: string, since: Date): Promise<number>;
  /** Forgets the failures of `key` (not its lock). */
  clearFailures(key: string): Promise<void>;
  lock(key: string, until: Date): Promise<void>;
  /** The end of the lock on `key`, when it ends after `now`. */
  lockedUntil(key: string, now: Date): Promise<Date | undefined>;
  /** Drops failures at or before `before` and locks that end at or before it (housekeeping). */
  prune(before: Date): Promise<void>;
}
