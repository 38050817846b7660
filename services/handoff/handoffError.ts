export const HANDOFF_ERROR_CODES = ['not-found', 'claimed-by-other', 'not-holder', 'closed', 'invalid', 'busy'] as const;
export type HandoffErrorCode = (typeof HANDOFF_ERROR_CODES)[number];

/**
 * A handoff rule said no: the case does not exist, another agent holds it, it is closed…
 * The API turns the code into a status (404, 409, 400).
 */
export class HandoffError extends Error {
  constructor(readonly code: HandoffErrorCode, message: string) {
    super(message);
    this.name = 'HandoffError';
  }
}
