import { randomUUID } from 'node:crypto';
import type { Lang } from '../../knowledge/language/lang.js';
import type { Clock } from '../clock.js';
import { ContractApiError, type ContractApiErrorCode } from '../contracts/contractApiError.js';
import { quoteRequestSchema, type ContractService, type QuoteRequest } from '../contracts/contractService.js';
import { maskRenewalId } from '../contracts/maskRenewalId.js';
import { isAccountAddress } from './contactEmail.js';
import { maskEmails } from './maskEmails.js';
import { customerEmail, resellerEmail, type TextsFor } from './quoteEmail.js';
import type { DeliveryChannel, DeliveryRecord } from './quoteDeliveryRecord.js';
import { MailDeliveryError, type MailReceipt, type QuoteMailer } from './quoteMailer.js';
import type { QuoteOutbox } from './quoteOutbox.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retryPolicy.js';
import { progressOf, type QuoteProgress } from './quoteProgress.js';

/** What operators read: one JSON line per delivery, per failure. pino's logger fits. */
export interface DeliveryLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface QuoteDeliveryOptions {
  contracts: ContractService;
  outbox: QuoteOutbox;
  mailer: QuoteMailer;
  clock: Clock;
  /** The e-mails' strings (locales/ `quote.mail`). */
  texts: TextsFor;
  log: DeliveryLog;
  /**
   * True when `contracts` is the vendor's API: the request is then one more delivery, sent to
   * the API (and again after a failure, with the same idempotency key) until it answers with
   * a receipt.
   */
  vendorApi: boolean;
  /** The domain of the e-mails' Message-IDs (the sender's). */
  messageIdDomain: string;
  /** How long submit() waits for the first attempts before answering "recorded". @default 5000 */
  waitMs?: number;
  retry?: RetryPolicy;
  /**
   * A second request for the same contract within this time is not sent again (a double click,
   * or someone flooding the reseller): submit() answers with the first one. @default 600000 (10 minutes)
   */
  repeatWindowMs?: number;
  /** @default `Q-` and 8 random hex digits */
  newQuoteId?: () => string;
}

export interface QuoteSubmitInput {
  renewalId: string;
  requestedBy: string;
  /** The customer's address for a copy (validated by the caller, see contactEmailIn). */
  contactEmail?: string | undefined;
  note?: string | undefined;
  language: Lang;
}

/** API failures that another attempt may cure; the others (not found, conflict, refused request) cannot. */
const API_RETRYABLE: ReadonlySet<ContractApiErrorCode> = new Set(['unavailable', 'timeout', 'unauthorized', 'bad-response']);

const SCAN_BATCH = 20;

export interface QuoteSubmission {
  quoteId: string;
  progress: QuoteProgress;
  /** True when this is a request made moments ago for the same contract, not sent again. */
  repeated?: true;
}

interface Failure {
  message: string;
  permanent: boolean;
}

function failureOf(error: unknown): Failure {
  if (error instanceof MailDeliveryError) return { message: maskEmails(error.message), permanent: error.permanent };
  if (error instanceof ContractApiError) return { message: `${error.code}: ${error.message}`, permanent: !API_RETRYABLE.has(error.code) };
  return { message: maskEmails(error instanceof Error ? `${error.name}: ${error.message}` : String(error)), permanent: false };
}

/**
 * Delivers quote requests for real: records the request (embedded contract service) or sends
 * it to the vendor's API, e-mails the contract's reseller, and sends the customer a copy when
 * they gave an address. Every delivery is written to the outbox before it is attempted, so a
 * failure or a restart loses nothing: runDue() retries what is due, with growing waits.
 * A request counts as sent only once the reseller has it (a mail server accepted the e-mail,
 * or the API says it forwarded it).
 *
 * @example
 * const submission = await delivery.submit({ renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' });
 * submission.progress.state // 'sent' or 'recorded'
 */
export class QuoteDeliveryService {
  private readonly waitMs: number;
  private readonly retry: RetryPolicy;
  private readonly repeatWindowMs: number;
  private readonly newQuoteId: () => string;
  /** Deliveries being attempted right now, so a scan never sends one twice at once. */
  private readonly inFlight = new Set<string>();
  private scanning: Promise<number> | undefined;

  constructor(private readonly options: QuoteDeliveryOptions) {
    this.waitMs = options.waitMs ?? 5000;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.repeatWindowMs = options.repeatWindowMs ?? 600_000;
    this.newQuoteId = options.newQuoteId ?? (() => `Q-${randomUUID().slice(0, 8).toUpperCase()}`);
  }

  /**
   * Records a quote request, writes its deliveries to the outbox, then attempts them; waits up
   * to waitMs, and answers with what is confirmed so far (the rest goes on, and is retried
   * when it fails).
   *
   * @throws ContractApiError `not-found` (no such contract), `conflict` (already ordered or
   *   renewed), `bad-request` (invalid request), or a contract-service failure
   */
  async submit(input: QuoteSubmitInput): Promise<QuoteSubmission> {
    const { contracts, clock } = this.options;
    const contract = await contracts.findByRenewalId(input.renewalId);
    const label = `quote request for ${maskRenewalId(input.renewalId)}`;
    if (!contract) throw new ContractApiError('not-found', `${label}: no such contract`);
    if (contract.renewalState === 'ordered' || contract.renewalState === 'renewed') {
      throw new ContractApiError('conflict', `${label}: contract is already ${contract.renewalState}`);
    }
    if (input.contactEmail && !isAccountAddress(input.contactEmail, contract.account.emailDomains)) {
      throw new ContractApiError('bad-request', `${label}: the copy's address is not one of the account's domains`);
    }
    const parsed = quoteRequestSchema.safeParse({
      renewalId: contract.renewalId,
      // A name is one line: a line break from the channel must not forge lines in the e-mail.
      requestedBy: input.requestedBy.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim(),
      language: input.language,
      ...(input.note ? { note: input.note } : {}),
    });
    if (!parsed.success) throw new ContractApiError('bad-request', `${label}: invalid ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const request: QuoteRequest = parsed.data;
    const now = clock.now();
    const previous = await this.latest(request.renewalId);
    if (previous && now.getTime() - Date.parse(previous.requestedAt) < this.repeatWindowMs) {
      return { quoteId: previous.quoteId, progress: previous, repeated: true };
    }
    const idempotencyKey = randomUUID();
    // The embedded service records the request itself (a local write); the vendor's API is one
    // more delivery, written to the outbox with the e-mails before anything is attempted.
    const quoteId = this.options.vendorApi ? this.newQuoteId() : (await contracts.requestQuote(request, { idempotencyKey })).id;
    const api = this.options.vendorApi ? [this.record(quoteId, request.renewalId, 'vendor-api', { kind: 'api', request, idempotencyKey }, now)] : [];
    const mail = { quoteId, contract, requestedBy: request.requestedBy, contactEmail: input.contactEmail, note: input.note, language: input.language, requestedAt: now, texts: this.options.texts, messageIdDomain: this.options.messageIdDomain };
    const records = [
      ...api,
      this.record(quoteId, request.renewalId, 'reseller-email', resellerEmail(mail), now),
      ...(input.contactEmail ? [this.record(quoteId, request.renewalId, 'customer-email', customerEmail(mail), now)] : []),
    ];
    await this.options.outbox.add(records);
    await this.waitAtMost(Promise.all(records.map((r) => this.attempt(r))), this.waitMs);
    return { quoteId, progress: await this.progress(request.renewalId, quoteId) };
  }

  /**
   * Attempts the deliveries that are due (after a failure's wait, or left pending by a
   * restart); the wiring calls it on a timer and once at start. Returns how many it tried.
   */
  runDue(): Promise<number> {
    this.scanning ??= this.scan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  /** Where the latest quote request of a contract stands, or undefined when it has none. */
  async latest(renewalId: string): Promise<QuoteProgress | undefined> {
    const records = await this.options.outbox.listByRenewalId(renewalId);
    const last = records.at(-1);
    return last ? progressOf(records.filter((r) => r.quoteId === last.quoteId)) : undefined;
  }

  private async progress(renewalId: string, quoteId: string): Promise<QuoteProgress> {
    const records = (await this.options.outbox.listByRenewalId(renewalId)).filter((r) => r.quoteId === quoteId);
    const progress = progressOf(records);
    if (!progress) throw new Error(`quote ${quoteId}: its deliveries are not in the outbox`);
    return progress;
  }

  private async scan(): Promise<number> {
    const due = await this.options.outbox.listDue(this.options.clock.now(), SCAN_BATCH);
    // One at a time: a slow mail server delays the queue, it does not flood it.
    for (const record of due) await this.attempt(record);
    return due.length;
  }

  private record(quoteId: string, renewalId: string, channel: DeliveryChannel, payload: DeliveryRecord['payload'], now: Date): DeliveryRecord {
    const at = now.toISOString();
    return { id: `${quoteId}/${channel}`, quoteId, renewalId, channel, payload, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at, reachedRecipient: false };
  }

  /** Never throws: every outcome is written to the outbox and logged. */
  private async attempt(record: DeliveryRecord): Promise<void> {
    if (this.inFlight.has(record.id)) return;
    this.inFlight.add(record.id);
    const fields = { quoteId: record.quoteId, renewalId: maskRenewalId(record.renewalId), channel: record.channel };
    try {
      let outcome: MailReceipt | Failure;
      try {
        outcome = await this.deliver(record);
      } catch (error) {
        outcome = failureOf(error);
      }
      const now = this.options.clock.now();
      if ('reachedRecipient' in outcome) {
        const { lastError: _cured, ...rest } = record;
        const next: DeliveryRecord = { ...rest, state: 'done', attempts: record.attempts + 1, doneAt: now.toISOString(), nextAttemptAt: now.toISOString(), reachedRecipient: outcome.reachedRecipient };
        await this.options.outbox.update(next);
        const [event, message] = outcome.reachedRecipient
          ? ['quote-delivered', 'quote delivery done']
          : ['quote-kept', 'quote delivery kept, not sent (no mail server configured, or the API only recorded it)'];
        this.options.log.info({ event, ...fields, attempt: next.attempts, detail: maskEmails(outcome.detail) }, message);
      } else {
        const next: DeliveryRecord = { ...record };
        this.failed(next, outcome, now);
        await this.options.outbox.update(next);
      }
    } catch (error) {
      // The outbox itself failed: the record stays as it was (pending) and is tried again later.
      this.options.log.error({ event: 'quote-outbox-failed', ...fields, error: failureOf(error).message }, 'quote outbox could not be updated');
    } finally {
      this.inFlight.delete(record.id);
    }
  }

  /** Marks a failed attempt on `record` (retry later, or give up) and logs it. */
  private failed(record: DeliveryRecord, failure: Failure, now: Date): void {
    record.attempts += 1;
    record.lastError = failure.message;
    const giveUp = failure.permanent || record.attempts >= this.retry.maxAttempts;
    const fields = {
      event: 'quote-delivery-failed',
      quoteId: record.quoteId,
      renewalId: maskRenewalId(record.renewalId),
      channel: record.channel,
      attempt: record.attempts,
      permanent: failure.permanent,
      error: failure.message,
    };
    if (giveUp) {
      record.state = 'failed';
      this.options.log.error({ ...fields, gaveUp: true }, 'quote delivery failed for good: kept in the outbox, needs an operator');
      return;
    }
    record.nextAttemptAt = new Date(now.getTime() + retryDelayMs(record.attempts, this.retry)).toISOString();
    this.options.log.warn({ ...fields, retryAt: record.nextAttemptAt }, 'quote delivery failed: will retry');
  }

  private async deliver(record: DeliveryRecord): Promise<MailReceipt> {
    const { payload } = record;
    if (payload.kind === 'mail') {
      return this.options.mailer.send({ to: payload.to, subject: payload.subject, text: payload.text, replyTo: payload.replyTo, messageId: payload.messageId });
    }
    const receipt = await this.options.contracts.requestQuote(payload.request, { idempotencyKey: payload.idempotencyKey });
    return { reachedRecipient: receipt.status === 'forwarded-to-reseller', detail: `receipt ${receipt.id} (${receipt.status})` };
  }

  private async waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([work, new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); })]);
    clearTimeout(timer);
  }
}
