import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseIsoDate } from './calendarDate.js';
import type { Contract } from './contract.js';

/** SMB customers get a renewal notice 60 days before the end: from then on a contract is expiring. */
export const EXPIRING_WITHIN_DAYS = 60;

export type ContractStatusName = 'active' | 'expiring' | 'expired';

export interface ContractStatus {
  status: ContractStatusName;
  /** Days from today to the effective end: 0 on the last covered day, negative once expired. */
  daysLeft: number;
  /** Days since the effective end: 0 until expired, 1 on the day after the end. */
  daysSinceEnd: number;
  /** True when a new term has been bought (renewalState 'renewed'). */
  isRenewed: boolean;
  /** The last covered day: renewedEnd when renewed, otherwise maintenanceEnd (local midnight). */
  effectiveEnd: Date;
  /**
   * The first day of the next term: always the day after the effective end, even when the
   * contract has lapsed (a late renewal is backdated, there is no grace period).
   */
  renewalStart: Date;
}

/**
 * Where a contract stands on `today` (only its calendar day counts). The end day itself is still
 * covered: the contract is `expiring` from 60 days before its end up to and including the end
 * day, and `expired` from the day after. A renewed contract is judged by its new end date, so it
 * is active even when its old term is over.
 *
 * @example
 * // maintenanceEnd 2025-06-30, not renewed
 * contractStatus(contract, new Date(2025, 5, 30)) // { status: 'expiring', daysLeft: 0, daysSinceEnd: 0, … }
 * contractStatus(contract, new Date(2025, 6, 1))  // { status: 'expired', daysLeft: -1, daysSinceEnd: 1, … }
 */
export function contractStatus(contract: Contract, today: Date): ContractStatus {
  const isRenewed = contract.renewalState === 'renewed' && contract.renewedEnd !== undefined;
  const effectiveEnd = parseIsoDate(isRenewed && contract.renewedEnd ? contract.renewedEnd : contract.maintenanceEnd);
  const daysLeft = differenceInCalendarDays(effectiveEnd, today);
  const status: ContractStatusName = daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active';
  return {
    status,
    daysLeft,
    daysSinceEnd: Math.max(0, -daysLeft),
    isRenewed,
    effectiveEnd,
    renewalStart: addDays(effectiveEnd, 1),
  };
}
