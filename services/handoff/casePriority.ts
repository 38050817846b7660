import type { HandoffCase } from './handoffCase.js';

/** A contract ending within this many days puts its case ahead of the others. */
export const SOON_TO_EXPIRE_DAYS = 30;

function urgency(c: HandoffCase): number {
  if (!c.contract) return 2;
  if (c.contract.status === 'expired') return 0;
  return c.contract.daysLeft <= SOON_TO_EXPIRE_DAYS ? 1 : 2;
}

/**
 * Queue order: cases of expired contracts first, then of contracts ending within 30 days,
 * then the others; oldest first within each group.
 *
 * @example
 * waiting.sort(byPriority)
 */
export function byPriority(a: HandoffCase, b: HandoffCase): number {
  return urgency(a) - urgency(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
