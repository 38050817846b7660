import { deliveryRecordSchema, type DeliveryRecord, type QuoteOutbox } from '../../services/quotes/index.js';
import type { BlobDocuments } from './blobDocuments.js';

const PREFIX = 'quote-outbox/';
const byCreation = (a: DeliveryRecord, b: DeliveryRecord) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * Quote deliveries in the bot's Blob Storage container, one blob per delivery
 * (`quote-outbox/<renewal ID>/<delivery id>.json`), created with `If-None-Match: *` and
 * changed with `If-Match`. Listing reads the blobs under the prefix: quote requests are a few
 * a day, not thousands a second. Records are never deleted (kept for the operators).
 *
 * @example
 * const outbox = new BlobQuoteOutbox(new BlobDocuments(container));
 */
export class BlobQuoteOutbox implements QuoteOutbox {
  constructor(private readonly docs: BlobDocuments) {}

  async add(records: readonly DeliveryRecord[]): Promise<void> {
    const checked = records.map((r) => deliveryRecordSchema.parse(r));
    for (const r of checked) {
      if ((await this.docs.read(this.name(r))).value !== undefined) throw new Error('a quote delivery with this id already exists');
    }
    for (const r of checked) {
      await this.docs.update(this.name(r), (current) => {
        if (current !== undefined) throw new Error('a quote delivery with this id already exists');
        return { next: r, result: undefined };
      });
    }
  }

  async update(record: DeliveryRecord): Promise<void> {
    const r = deliveryRecordSchema.parse(record);
    await this.docs.update(this.name(r), (current) => {
      if (current === undefined) throw new Error('no quote delivery with this id');
      return { next: r, result: undefined };
    });
  }

  async listDue(now: Date, limit: number): Promise<DeliveryRecord[]> {
    const due = (await this.readAll(PREFIX)).filter((r) => r.state === 'pending' && Date.parse(r.nextAttemptAt) <= now.getTime());
    return due.sort(byCreation).slice(0, limit);
  }

  async listByRenewalId(renewalId: string): Promise<DeliveryRecord[]> {
    return (await this.readAll(`${PREFIX}${encodeURIComponent(renewalId)}/`)).sort(byCreation);
  }

  private async readAll(prefix: string): Promise<DeliveryRecord[]> {
    const out: DeliveryRecord[] = [];
    for (const { name } of await this.docs.list(prefix)) {
      const { value } = await this.docs.read(name);
      if (value !== undefined) out.push(deliveryRecordSchema.parse(value));
    }
    return out;
  }

  private name(record: DeliveryRecord): string {
    return `${PREFIX}${encodeURIComponent(record.renewalId)}/${encodeURIComponent(record.id)}.json`;
  }
}
