import { z } from 'zod';

/** `RNW-` followed by 8 digits: the canonical form of a renewal ID. */
export const RENEWAL_ID_PATTERN = /^RNW-\d{8}$/;

export const RENEWAL_STATES = ['not-started', 'quote-requested', 'ordered', 'renewed'] as const;
export type RenewalState = (typeof RENEWAL_STATES)[number];

export const SEGMENTS = ['smb', 'enterprise'] as const;
export type Segment = (typeof SEGMENTS)[number];

const text = z.string().trim().min(1);

/** A calendar date `YYYY-MM-DD` (a real one: 2025-02-30 is refused). */
export const isoDateSchema = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });

export const renewalIdSchema = z.string().trim().regex(RENEWAL_ID_PATTERN, 'must be RNW- followed by 8 digits');

export const productSchema = z.object({
  name: text,
  version: text,
  quantity: z.int().min(1),
  /** False when the vendor no longer supports this version (maintenance may not be bought late). */
  versionSupported: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

export const accountSchema = z.object({
  name: text,
  accountNumber: text,
  /** Microsoft Entra tenant ids whose users may see the account's contracts (Teams single sign-on). */
  tenantIds: z.array(z.guid().toLowerCase()),
  emailDomains: z.array(text.toLowerCase()),
});
export type Account = z.infer<typeof accountSchema>;

export const resellerSchema = z.object({
  name: text,
  email: z.email(),
  phone: text,
});
export type Reseller = z.infer<typeof resellerSchema>;

/**
 * The fields of a contract record. Dates stay `YYYY-MM-DD` strings so a contract survives a
 * JSON round trip (bot state, HTTP) unchanged; computations parse them with parseIsoDate.
 */
export const contractFields = {
  renewalId: renewalIdSchema,
  account: accountSchema,
  certificateNumber: text,
  orderNumber: text,
  /** Symantec Agreement Number: Rewards programme contracts only. */
  san: text.optional(),
  products: z.array(productSchema).min(1, 'must list at least one product'),
  maintenanceStart: isoDateSchema,
  maintenanceEnd: isoDateSchema,
  segment: z.enum(SEGMENTS),
  /** ISO 3166-1 alpha-2 country code, e.g. FR, JP. */
  region: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a 2-letter country code (ISO 3166-1)'),
  reseller: resellerSchema,
  renewalState: z.enum(RENEWAL_STATES),
  /** The end of the new term; present exactly when renewalState is 'renewed'. */
  renewedEnd: isoDateSchema.optional(),
};

interface ContractDates {
  maintenanceStart: string;
  maintenanceEnd: string;
  renewalState: RenewalState;
  renewedEnd?: string | undefined;
}

/** Cross-field rules; ISO dates compare correctly as strings. */
export function checkContractDates(contract: ContractDates, ctx: z.RefinementCtx): void {
  if (contract.maintenanceEnd <= contract.maintenanceStart) {
    ctx.addIssue({ code: 'custom', path: ['maintenanceEnd'], message: 'must be after maintenanceStart' });
  }
  if (contract.renewalState === 'renewed' && contract.renewedEnd === undefined) {
    ctx.addIssue({ code: 'custom', path: ['renewedEnd'], message: 'is required when renewalState is renewed' });
  }
  if (contract.renewalState !== 'renewed' && contract.renewedEnd !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['renewedEnd'], message: 'must be absent unless renewalState is renewed' });
  }
  if (contract.renewedEnd !== undefined && contract.renewedEnd <= contract.maintenanceEnd) {
    ctx.addIssue({ code: 'custom', path: ['renewedEnd'], message: 'must be after maintenanceEnd' });
  }
}

/** A maintenance contract as the contract API returns it. Unknown fields are dropped. */
export const contractSchema = z.object(contractFields).superRefine(checkContractDates);
export type Contract = z.infer<typeof contractSchema>;
