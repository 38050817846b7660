import type { AttemptRecord } from './attemptStore.js';

/**
 * How many failures a key may have before each further attempt waits, and how long:
 * `baseDelayMs` after the `freeFailures`-th failure, doubling with each further one, never
 * more than `maxDelayMs`. A key quiet for `forgetAfterMs` starts afresh.
 */
export interface AttemptPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/**
 * One source (a user of a channel), whatever the IDs it tries: 5 free failures, then 1 min,
 * 2 min, 4 min… up to a day. A brute force from one source gets a handful of guesses a day.
 */
export const SOURCE_POLICY: AttemptPolicy = { freeFailures: 5, baseDelayMs: MINUTE, maxDelayMs: 24 * 60 * MINUTE, forgetAfterMs: 48 * 60 * MINUTE };

/**
 * One renewal ID, whoever tries it (guesses spread over many sources): 10 free failures, then
 * 30 s doubling up to 15 minutes. Never a hard lock: the owner can always try again within
 * 15 minutes, and an agent can lift the delay ({@link VerificationService.unlock}).
 */
export const RENEWAL_ID_POLICY: AttemptPolicy = { freeFailures: 10, baseDelayMs: MINUTE / 2, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };

/** Distinct sources failing on one renewal ID that raise an alert in the logs. */
export const ALERT_SOURCES = 3;
/** How many source hashes a renewal-ID record keeps (enough to count up to the alert and beyond). */
const MAX_SOURCES_KEPT = 20;

/** The wait before the next attempt after `failures` failures. */
export function delayAfter(failures: number, policy: AttemptPolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - policy.freeFailures));
}

/** The record as it counts at `now`: forgotten after a long quiet. */
export function current(record: AttemptRecord | undefined, now: number, policy: AttemptPolicy): AttemptRecord | undefined {
  return record && now - record.lastAt < policy.forgetAfterMs ? record : undefined;
}

/** When the next attempt may be made, if that is after `now`. */
export function blockedUntil(record: AttemptRecord | undefined, now: number, policy: AttemptPolicy): number | undefined {
  const live = current(record, now, policy);
  if (!live) return undefined;
  const until = live.lastAt + delayAfter(live.failures, policy);
  return until > now ? until : undefined;
}

export type Reservation = { reserved: true; blockedAfter: number | undefined; newSource: boolean; sources: number; failures: number } | { reserved: false; until: number };

/**
 * Counts one attempt as a failure in advance (it is refunded on success), unless the key must
 * wait. `source` is the short hash of the source, kept on renewal-ID records to count sources.
 */
export function reserve(record: AttemptRecord | undefined, now: number, policy: AttemptPolicy, source?: string): { next: AttemptRecord | undefined; result: Reservation } {
  const until = blockedUntil(record, now, policy);
  if (until !== undefined) return { next: record, result: { reserved: false, until } };
  const live = current(record, now, policy) ?? { failures: 0, lastAt: now, sources: [] };
  const known = source === undefined || live.sources.includes(source);
  const sources = known ? live.sources : [...live.sources, source].slice(-MAX_SOURCES_KEPT);
  const next = { failures: live.failures + 1, lastAt: now, sources };
  const wait = delayAfter(next.failures, policy);
  return { next, result: { reserved: true, blockedAfter: wait > 0 ? now + wait : undefined, newSource: !known, sources: sources.length, failures: next.failures } };
}

/**
 * Takes back one reserved failure (the attempt succeeded, or never reached the contract
 * service); `source`, when given, was added by that reservation and is taken back too.
 */
export function refund(record: AttemptRecord | undefined, source?: string): { next: AttemptRecord | undefined; result: void } {
  if (!record) return { next: undefined, result: undefined };
  const sources = source === undefined ? record.sources : record.sources.filter((s) => s !== source);
  const failures = Math.max(0, record.failures - 1);
  return { next: failures === 0 && sources.length === 0 ? undefined : { ...record, failures, sources }, result: undefined };
}
