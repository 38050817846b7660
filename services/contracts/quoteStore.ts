import { z } from 'zod';
import { LANGS } from '../../knowledge/language/lang.js';
import { renewalIdSchema } from './contract.js';

export const quoteRecordSchema = z.object({
  id: z.string().min(1),
  renewalId: renewalIdSchema,
  requestedBy: z.string().min(1),
  language: z.enum(LANGS),
  /** ISO 8601 date-time (UTC). */
  createdAt: z.iso.datetime({ offset: true }),
  note: z.string().optional(),
});
export type QuoteRecord = z.infer<typeof quoteRecordSchema>;

/** Where quote requests are kept, so they survive a restart. */
export interface QuoteStore {
  add(record: QuoteRecord): Promise<void>;
  /** The requests made for one contract, oldest first. */
  listByRenewalId(renewalId: string): Promise<QuoteRecord[]>;
}
