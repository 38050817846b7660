/** Where services get the current time, so tests can hand in a fixed or moving clock. */
export interface Clock {
  now(): Date;
}

/**
 * The real time of the machine.
 *
 * @example
 * const service = new VerificationService({ contracts, clock: systemClock, attempts });
 */
export const systemClock: Clock = {
  now: () => new Date(),
};
