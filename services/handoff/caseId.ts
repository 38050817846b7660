import { randomInt } from 'node:crypto';

/** Produces candidate case ids; the store retries when one is taken. */
export type CaseIdGenerator = () => string;

/**
 * A random case number such as `CS-48213`: five digits, no leading zero, easy to read out.
 *
 * @example
 * randomCaseId() // 'CS-48213'
 */
export const randomCaseId: CaseIdGenerator = () => `CS-${randomInt(10_000, 100_000)}`;
