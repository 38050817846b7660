import type { DeliveryRecord } from './quoteDeliveryRecord.js';
import type { QuoteOutbox } from './quoteOutbox.js';

const byCreation = (a: DeliveryRecord, b: DeliveryRecord) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * Quote deliveries kept in memory: for tests and STORAGE=memory (lost on restart).
 *
 * @example
 * const delivery = new QuoteDeliveryService({ outbox: new MemoryQuoteOutbox(), ... });
 */
export class MemoryQuoteOutbox implements QuoteOutbox {
  private readonly records = new Map<string, DeliveryRecord>();

  add(records: readonly DeliveryRecord[]): Promise<void> {
    if (records.some((r) => this.records.has(r.id))) return Promise.reject(new Error('a quote delivery with this id already exists'));
    for (const r of records) this.records.set(r.id, structuredClone(r));
    return Promise.resolve();
  }

  update(record: DeliveryRecord): Promise<void> {
    if (!this.records.has(record.id)) return Promise.reject(new Error('no quote delivery with this id'));
    this.records.set(record.id, structuredClone(record));
    return Promise.resolve();
  }

  listDue(now: Date, limit: number): Promise<DeliveryRecord[]> {
    const due = [...this.records.values()].filter((r) => r.state === 'pending' && Date.parse(r.nextAttemptAt) <= now.getTime());
    return Promise.resolve(due.sort(byCreation).slice(0, limit).map((r) => structuredClone(r)));
  }

  listByRenewalId(renewalId: string): Promise<DeliveryRecord[]> {
    const mine = [...this.records.values()].filter((r) => r.renewalId === renewalId);
    return Promise.resolve(mine.sort(byCreation).map((r) => structuredClone(r)));
  }
}
