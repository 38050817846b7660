/** When a failed quote delivery is tried again. */
export interface RetryPolicy {
  /** Wait after the first failure; doubles after each next one. @default 60000 (1 minute) */
  firstDelayMs: number;
  /** The longest wait between two attempts. @default 3600000 (1 hour) */
  maxDelayMs: number;
  /** Attempts before a delivery is marked failed (kept, and logged as an error). @default 48 (about two days) */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 48 };

/**
 * The wait before the next attempt, after `failedAttempts` failures (1 or more).
 *
 * @example
 * retryDelayMs(1, DEFAULT_RETRY_POLICY) // 60000
 * retryDelayMs(3, DEFAULT_RETRY_POLICY) // 240000
 * retryDelayMs(30, DEFAULT_RETRY_POLICY) // 3600000
 */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 30);
  return Math.min(policy.firstDelayMs * 2 ** exponent, policy.maxDelayMs);
}
