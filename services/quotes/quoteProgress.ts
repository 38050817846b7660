import type { DeliveryRecord } from './quoteDeliveryRecord.js';

/** What the customer's copy became: sent, still to be sent, refused for good, or only kept (file outbox). */
export type CopyState = 'sent' | 'pending' | 'failed' | 'kept';

/** Where one quote request stands, as the bot tells the customer. */
export interface QuoteProgress {
  quoteId: string;
  renewalId: string;
  /** ISO date-time the request was made. */
  requestedAt: string;
  /** `sent` once the reseller has it (mail accepted by a mail server, or forwarded by the API). */
  state: 'sent' | 'recorded';
  /** When it reached the reseller. */
  sentAt?: string;
  /** The customer's copy, when they asked for one. */
  copy?: { to: string; state: CopyState };
}

const TO_RESELLER: ReadonlySet<string> = new Set(['reseller-email', 'vendor-api']);

function copyState(record: DeliveryRecord): CopyState {
  if (record.state === 'done') return record.reachedRecipient ? 'sent' : 'kept';
  return record.state;
}

/**
 * Sums up the deliveries of one quote request, or undefined for none.
 *
 * @example
 * progressOf(await outbox.listByRenewalId('RNW-20481137'))?.state // 'recorded'
 */
export function progressOf(records: readonly DeliveryRecord[]): QuoteProgress | undefined {
  const [first] = records;
  if (!first) return undefined;
  const reached = records
    .filter((r) => TO_RESELLER.has(r.channel) && r.state === 'done' && r.reachedRecipient && r.doneAt !== undefined)
    .map((r) => r.doneAt ?? '')
    .sort();
  const copy = records.find((r) => r.channel === 'customer-email');
  return {
    quoteId: first.quoteId,
    renewalId: first.renewalId,
    requestedAt: first.createdAt,
    state: reached.length > 0 ? 'sent' : 'recorded',
    ...(reached[0] ? { sentAt: reached[0] } : {}),
    ...(copy && copy.payload.kind === 'mail' ? { copy: { to: copy.payload.to.join(', '), state: copyState(copy) } } : {}),
  };
}
