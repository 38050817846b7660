import type { Clock } from '../../../services/clock.js';

export interface TokenBucketOptions {
  /** Requests allowed in a burst, and refilled over one minute. @default 10 */
  perMinute?: number;
  clock: Clock;
  /** Clients remembered at most; full buckets are forgotten first. @default 10000 */
  maxClients?: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client key (an IP address): `perMinute` requests at once, then one more
 * every 60/perMinute seconds.
 *
 * @example
 * const limiter = new TokenBucketLimiter({ perMinute: 10, clock: systemClock });
 * limiter.take('203.0.113.7') // { allowed: true }
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly msPerToken: number;
  private readonly maxClients: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.capacity = options.perMinute ?? 10;
    this.msPerToken = 60_000 / this.capacity;
    this.maxClients = options.maxClients ?? 10_000;
  }

  take(key: string): Take {
    const now = this.options.clock.now().getTime();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * this.msPerToken) / 1000)) };
    }
    bucket.tokens -= 1;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) this.forgetOldest();
    return { allowed: true };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.capacity, updatedAt: now };
    const tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) / this.msPerToken);
    return { tokens, updatedAt: now };
  }

  /** Drops the least recently seen client: a minute later its bucket would be full again anyway. */
  private forgetOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
