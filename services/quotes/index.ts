export { contactEmailIn, isAccountAddress } from './contactEmail.js';
export { maskEmails } from './maskEmails.js';
export { MailDeliveryError, type MailReceipt, type OutgoingMail, type QuoteMailer } from './quoteMailer.js';
export {
  DELIVERY_CHANNELS, DELIVERY_STATES, deliveryRecordSchema,
  type ApiPayload, type DeliveryChannel, type DeliveryRecord, type DeliveryState, type MailPayload,
} from './quoteDeliveryRecord.js';
export type { QuoteOutbox } from './quoteOutbox.js';
export { MemoryQuoteOutbox } from './memoryQuoteOutbox.js';
export { SqliteQuoteOutbox } from './sqliteQuoteOutbox.js';
export { customerEmail, resellerEmail, type QuoteEmailInput, type Texts, type TextsFor } from './quoteEmail.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retryPolicy.js';
export { progressOf, type CopyState, type QuoteProgress } from './quoteProgress.js';
export {
  QuoteDeliveryService, type DeliveryLog, type QuoteDeliveryOptions, type QuoteSubmission, type QuoteSubmitInput,
} from './quoteDeliveryService.js';
