import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Contract } from './contract.js';
import { contractStatus } from './contractStatus.js';

export interface EndDateChange {
  renewalId: string;
  currentEnd: Date;
  proposedEnd: Date;
  /** Days added to the term (+) or taken off it (−); 0 for the anchor contract. */
  days: number;
}

export interface ExcludedContract {
  renewalId: string;
  /** An expired contract must be reinstated first; it cannot simply be aligned. */
  reason: 'expired';
}

export type CoTerminationPreview =
  | {
      kind: 'proposal';
      commonEnd: Date;
      /** The contract whose end date is kept: the one covering the most licences. */
      anchorRenewalId: string;
      /** Every running contract, anchor included, by current end date. */
      changes: EndDateChange[];
      excluded: ExcludedContract[];
    }
  | { kind: 'nothing-to-align'; excluded: ExcludedContract[] };

function licenceCount(contract: Contract): number {
  return contract.products.reduce((sum, product) => sum + product.quantity, 0);
}

/**
 * Previews co-termination (one common end date) for an account's contracts. This is a preview
 * for the conversation, not a price: the reseller makes the actual offer.
 *
 * Rule: the common end is the end date of the running contract that covers the most licences
 * (ties: the later end, then the smaller renewal ID). Moving the biggest contract costs the most,
 * so it stays put and the smaller ones are extended (+ days) or shortened (− days) to meet it.
 * Expired contracts are left out (listed in `excluded`); with fewer than two running contracts
 * there is nothing to align.
 *
 * @example
 * // 40 licences ending in 150 days, 3 ending in 45 days, 10 ending in 230 days
 * alignEndDates(contracts, today)
 * // { kind: 'proposal', commonEnd: today + 150 days, changes: [ +105, 0, −80 ], … }
 */
export function alignEndDates(contracts: readonly Contract[], today: Date): CoTerminationPreview {
  const excluded: ExcludedContract[] = [];
  const running: Array<{ contract: Contract; end: Date; licences: number }> = [];
  for (const contract of contracts) {
    const status = contractStatus(contract, today);
    if (status.status === 'expired') excluded.push({ renewalId: contract.renewalId, reason: 'expired' });
    else running.push({ contract, end: status.effectiveEnd, licences: licenceCount(contract) });
  }
  const [anchor] = [...running].sort(
    (a, b) =>
      b.licences - a.licences ||
      b.end.getTime() - a.end.getTime() ||
      a.contract.renewalId.localeCompare(b.contract.renewalId),
  );
  if (!anchor || running.length < 2) return { kind: 'nothing-to-align', excluded };

  const changes = running
    .map(({ contract, end }) => ({
      renewalId: contract.renewalId,
      currentEnd: end,
      proposedEnd: new Date(anchor.end),
      days: differenceInCalendarDays(anchor.end, end),
    }))
    .sort((a, b) => a.currentEnd.getTime() - b.currentEnd.getTime() || a.renewalId.localeCompare(b.renewalId));
  return { kind: 'proposal', commonEnd: anchor.end, anchorRenewalId: anchor.contract.renewalId, changes, excluded };
}
