import { z } from 'zod';
import { LANGS } from '../../knowledge/language/lang.js';
import type { Contract } from './contract.js';
import { renewalIdSchema } from './contract.js';

export const quoteRequestSchema = z.object({
  renewalId: renewalIdSchema,
  /** Who asks: a name or e-mail the reseller can answer. */
  requestedBy: z.string().trim().min(1).max(200),
  /** Free text for the reseller (extra licences, co-termination…). */
  note: z.string().trim().max(1000).optional(),
  language: z.enum(LANGS),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

export const QUOTE_RECEIPT_STATUSES = ['received', 'forwarded-to-reseller'] as const;

export const quoteRequestReceiptSchema = z.object({
  id: z.string().trim().min(1),
  renewalId: renewalIdSchema,
  /** ISO 8601 date-time with offset, e.g. 2025-03-31T09:15:00.000Z. */
  createdAt: z.iso.datetime({ offset: true }),
  status: z.enum(QUOTE_RECEIPT_STATUSES),
});
export type QuoteRequestReceipt = z.infer<typeof quoteRequestReceiptSchema>;

export interface QuoteRequestOptions {
  /** The same on every attempt of one request. @default a new random key */
  idempotencyKey?: string;
}

/**
 * Everything the bot asks about maintenance contracts. Dialogs depend on this interface only;
 * FileContractService (embedded sample) and HttpContractService (vendor API) implement it.
 * Failures are thrown as ContractApiError.
 */
export interface ContractService {
  /** The contract, or undefined when no contract has this ID. */
  findByRenewalId(renewalId: string): Promise<Contract | undefined>;
  /** All contracts of an account, soonest end first; empty for an unknown account. */
  listAccountContracts(accountNumber: string): Promise<Contract[]>;
  /**
   * Whether `proof` (certificate number, order number, or SAN for Rewards contracts) belongs to
   * the contract. Case, spaces and dashes do not matter; false for an unknown ID.
   */
  verifyProof(renewalId: string, proof: string): Promise<boolean>;
  /**
   * Records a quote request for the reseller; the contract then shows `quote-requested`.
   * A request sent again with the same `idempotencyKey` is recorded once (vendor API).
   */
  requestQuote(request: QuoteRequest, options?: QuoteRequestOptions): Promise<QuoteRequestReceipt>;
}
