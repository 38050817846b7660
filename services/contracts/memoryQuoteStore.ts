import type { QuoteRecord, QuoteStore } from './quoteStore.js';

/**
 * Quote requests kept in memory: for tests and throw-away demos (lost on restart).
 *
 * @example
 * const contracts = FileContractService.fromFile({ clock: systemClock, quotes: new MemoryQuoteStore() });
 */
export class MemoryQuoteStore implements QuoteStore {
  private readonly records: QuoteRecord[] = [];

  add(record: QuoteRecord): Promise<void> {
    this.records.push({ ...record });
    return Promise.resolve();
  }

  listByRenewalId(renewalId: string): Promise<QuoteRecord[]> {
    const mine = this.records.filter((r) => r.renewalId === renewalId);
    mine.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return Promise.resolve(mine.map((r) => ({ ...r })));
  }
}
