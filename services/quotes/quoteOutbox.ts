import type { DeliveryRecord } from './quoteDeliveryRecord.js';

/**
 * Where quote deliveries wait until they are confirmed, so that none is lost on a failure or a
 * restart. Records are never deleted: a failed one stays for the operators. SQLite by default
 * (SqliteQuoteOutbox); another backend implements these four calls.
 */
export interface QuoteOutbox {
  /** Adds new deliveries (all or none). */
  add(records: readonly DeliveryRecord[]): Promise<void>;
  /** Replaces a delivery's record after an attempt. */
  update(record: DeliveryRecord): Promise<void>;
  /** Pending deliveries due at `now`, oldest first. */
  listDue(now: Date, limit: number): Promise<DeliveryRecord[]>;
  /** Every delivery of a contract's quote requests, oldest first. */
  listByRenewalId(renewalId: string): Promise<DeliveryRecord[]>;
}
