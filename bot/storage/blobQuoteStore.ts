import { z } from 'zod';
import { quoteRecordSchema, type QuoteRecord, type QuoteStore } from '../../services/contracts/index.js';
import type { BlobDocuments } from './blobDocuments.js';

const PREFIX = 'quote-requests/';
const listSchema = z.array(quoteRecordSchema);

/**
 * Quote requests in the bot's Blob Storage container: one JSON blob per contract
 * (`quote-requests/<renewal ID>.json`) holding its requests, appended with a conditional
 * write so two instances adding at once both keep their request.
 *
 * @example
 * const quotes = new BlobQuoteStore(new BlobDocuments(containerClient));
 */
export class BlobQuoteStore implements QuoteStore {
  constructor(private readonly docs: BlobDocuments) {}

  async add(record: QuoteRecord): Promise<void> {
    const r = quoteRecordSchema.parse(record);
    await this.docs.update(this.name(r.renewalId), (value) => {
      const list = value === undefined ? [] : listSchema.parse(value);
      // Idempotent: a retried add does not store the request twice.
      return { next: list.some((q) => q.id === r.id) ? list : [...list, r], result: undefined };
    });
  }

  async listByRenewalId(renewalId: string): Promise<QuoteRecord[]> {
    const { value } = await this.docs.read(this.name(renewalId));
    const list = value === undefined ? [] : listSchema.parse(value);
    return [...list].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  private name(renewalId: string): string {
    return `${PREFIX}${encodeURIComponent(renewalId)}.json`;
  }
}
