import type { Contract } from './contract.js';
import { contractStatus } from './contractStatus.js';

/** How far ahead a contract is worth renewing now. */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * True when the contract has ended or ends within 90 days (its effective end, so a contract
 * already renewed for a new term does not need renewing again).
 *
 * @example
 * // maintenanceEnd is 2025-06-30
 * needsRenewal(contract, new Date(2025, 3, 1)) // true: 90 days left
 * needsRenewal(contract, new Date(2025, 2, 31)) // false: 91 days left
 */
export function needsRenewal(contract: Contract, today: Date): boolean {
  return contractStatus(contract, today).daysLeft <= RENEWAL_WINDOW_DAYS;
}
