import { z } from 'zod';
import { LANGS } from '../../knowledge/language/lang.js';
import { renewalIdSchema } from '../contracts/contract.js';

/** How a quote request travels: e-mail to the reseller, a copy to the customer, the vendor's API. */
export const DELIVERY_CHANNELS = ['reseller-email', 'customer-email', 'vendor-api'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** pending: to be (re)tried; done: confirmed; failed: given up, kept for the operators. */
export const DELIVERY_STATES = ['pending', 'done', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const isoDateTime = z.iso.datetime({ offset: true });

export const mailPayloadSchema = z.object({
  kind: z.literal('mail'),
  to: z.array(z.email()).min(1),
  subject: z.string().min(1),
  text: z.string().min(1),
  replyTo: z.email().optional(),
  messageId: z.string().min(1),
});

export const apiPayloadSchema = z.object({
  kind: z.literal('api'),
  request: z.object({
    renewalId: renewalIdSchema,
    requestedBy: z.string().min(1),
    note: z.string().optional(),
    language: z.enum(LANGS),
  }),
  /** Sent as the Idempotency-Key header on every attempt: the API records the request once. */
  idempotencyKey: z.string().min(1),
});

export const deliveryRecordSchema = z.object({
  /** `<quoteId>/<channel>` */
  id: z.string().min(1),
  quoteId: z.string().min(1),
  renewalId: renewalIdSchema,
  channel: z.enum(DELIVERY_CHANNELS),
  payload: z.discriminatedUnion('kind', [mailPayloadSchema, apiPayloadSchema]),
  state: z.enum(DELIVERY_STATES),
  attempts: z.int().min(0),
  createdAt: isoDateTime,
  /** When a pending delivery is next due. */
  nextAttemptAt: isoDateTime,
  /** When it was confirmed (state done). */
  doneAt: isoDateTime.optional(),
  /** Whether the confirmation means the reseller (or customer) has it, not only that it was kept. */
  reachedRecipient: z.boolean(),
  /** The last error, safe to log (addresses masked). */
  lastError: z.string().optional(),
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;
export type MailPayload = z.infer<typeof mailPayloadSchema>;
export type ApiPayload = z.infer<typeof apiPayloadSchema>;
