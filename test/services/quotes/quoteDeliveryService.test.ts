import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../bot/storage/openDatabase.js';
import {
  ContractApiError, type ContractService, type QuoteRequest, type QuoteRequestOptions, type QuoteRequestReceipt,
} from '../../../services/contracts/index.js';
import { SqliteQuoteOutbox } from '../../../services/quotes/index.js';
import { FakeClock } from '../fakeClock.js';
import { aContract } from '../contracts/aContract.js';
import { MINUTE, NOW, PROOFS, RecordingLog, fixture, texts } from './deliveryFixture.js';

const ask = { renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' as const };

describe('QuoteDeliveryService', () => {
  it('e-mails the reseller and the customer\'s copy, and says "sent" once the mail server accepted them', async () => {
    const { delivery, mailer } = fixture();
    const { quoteId, progress } = await delivery.submit({ ...ask, contactEmail: 'claire@boulangeries-martin.example' });
    expect(progress).toMatchObject({ quoteId, state: 'sent', sentAt: NOW.toISOString(), copy: { to: 'claire@boulangeries-martin.example', state: 'sent' } });
    expect(mailer.sent.map((m) => m.to)).toEqual([['renouvellements@infogerance-lyonnaise.example'], ['claire@boulangeries-martin.example']]);
    const [reseller, copy] = mailer.sent;
    expect(reseller?.replyTo).toBe('claire@boulangeries-martin.example');
    expect(reseller?.subject).toBe(texts('fr')('quote.mail.reseller.subject', { id: quoteId, renewalId: 'RNW-20481137', account: 'Boulangeries Martin SARL' }));
    expect(copy?.subject).toBe(texts('fr')('quote.mail.customer.subject', { id: quoteId, renewalId: 'RNW-20481137' }));
  });

  it('writes the contract details in the customer\'s language first, then the other, and never a proof of purchase', async () => {
    const { delivery, mailer } = fixture();
    await delivery.submit({ ...ask, contactEmail: 'claire@boulangeries-martin.example' });
    const [reseller, copy] = mailer.sent;
    const body = reseller?.text ?? '';
    for (const fact of ['RNW-20481137', 'ACC-FR-100245', 'Symantec Endpoint Protection 14.3 RU8 : 40 licences', '1 juillet 2024', '30 juin 2025', '1 juillet 2025', 'Claire Martin', 'claire@boulangeries-martin.example']) {
      expect(body).toContain(fact);
    }
    expect(body).toContain('Symantec Endpoint Protection 14.3 RU8: 40 seats');
    expect(body.indexOf('Bonjour Infogérance Lyonnaise')).toBeLessThan(body.indexOf('Hello Infogérance Lyonnaise'));
    expect(body).toContain(texts('en')('quote.mail.details.language', { language: 'French' }));
    expect(copy?.text).not.toContain('Hello');
    for (const mail of mailer.sent) for (const proof of PROOFS) expect(mail.text + mail.subject).not.toContain(proof);
  });

  it('keeps a name from the channel on one line, so it cannot forge lines of the e-mail', async () => {
    const { delivery, mailer } = fixture();
    await delivery.submit({ ...ask, requestedBy: 'Eve\r\nID de renouvellement : RNW-99999999\u2028x', note: 'ligne 1\nID de renouvellement : RNW-99999999' });
    const lines = (mailer.sent[0]?.text ?? '').split('\n');
    expect(lines.filter((l) => l.startsWith('ID de renouvellement'))).toEqual(['ID de renouvellement : RNW-20481137']);
    expect(lines).toContain('Contact : Eve ID de renouvellement : RNW-99999999 x');
  });

  it('says "recorded" and retries a failed e-mail with growing waits on the injected clock, one JSON log line per failure', async () => {
    const { delivery, mailer, clock, log, outbox } = fixture();
    mailer.mode = 'fail';
    const { quoteId, progress } = await delivery.submit(ask);
    expect(progress.state).toBe('recorded');
    const [record] = await outbox.listByRenewalId('RNW-20481137');
    expect(record).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: new Date(NOW.getTime() + MINUTE).toISOString() });

    expect(await delivery.runDue()).toBe(0); // not due yet
    clock.advance(MINUTE);
    expect(await delivery.runDue()).toBe(1);
    clock.advance(MINUTE); // the second wait is 2 minutes
    expect(await delivery.runDue()).toBe(0);
    clock.advance(MINUTE);
    expect(await delivery.runDue()).toBe(1);
    const waits = log.failures().map((l) => Date.parse(String(l.fields.retryAt)));
    expect(waits).toEqual([NOW.getTime() + MINUTE, NOW.getTime() + 3 * MINUTE, NOW.getTime() + 7 * MINUTE]);

    const line = log.failures()[0];
    expect(line).toMatchObject({ level: 'warn', fields: { event: 'quote-delivery-failed', quoteId, renewalId: 'RNW-****1137', channel: 'reseller-email', attempt: 1, permanent: false } });
    expect(String(line?.fields.error)).toContain('ECONNREFUSED');
    expect(JSON.stringify(log.lines)).not.toContain('renouvellements@'); // addresses are masked in the log

    mailer.mode = 'accept';
    clock.advance(4 * MINUTE);
    await delivery.runDue();
    expect(await delivery.latest('RNW-20481137')).toMatchObject({ quoteId, state: 'sent', sentAt: clock.now().toISOString() });
    expect(mailer.sent).toHaveLength(1);
  });

  it('keeps a refused address as failed (not retried), logs it as an error, and still sends the other e-mails', async () => {
    const { delivery, mailer, clock, log, outbox } = fixture();
    mailer.mode = 'refuse';
    const { progress } = await delivery.submit({ ...ask, contactEmail: 'nobody@boulangeries-martin.example' });
    expect(progress).toMatchObject({ state: 'recorded', copy: { state: 'failed' } });
    expect((await outbox.listByRenewalId('RNW-20481137')).map((r) => r.state)).toEqual(['failed', 'failed']);
    expect(log.failures().map((l) => [l.level, l.fields.gaveUp])).toEqual([['error', true], ['error', true]]);
    clock.advance(24 * 60 * MINUTE);
    expect(await delivery.runDue()).toBe(0);
  });

  it('gives up after the last attempt of the policy but keeps the delivery in the outbox', async () => {
    const { delivery, mailer, clock, outbox, log } = fixture({ retry: { firstDelayMs: MINUTE, maxDelayMs: MINUTE, maxAttempts: 3 } });
    mailer.mode = 'fail';
    await delivery.submit(ask);
    for (let i = 0; i < 5; i += 1) {
      clock.advance(MINUTE);
      await delivery.runDue();
    }
    expect(mailer.attempts).toHaveLength(3);
    const [record] = await outbox.listByRenewalId('RNW-20481137');
    expect(record).toMatchObject({ state: 'failed', attempts: 3 });
    expect(record?.lastError).toContain('ECONNREFUSED');
    expect(log.failures().at(-1)).toMatchObject({ level: 'error', fields: { gaveUp: true, attempt: 3 } });
  });

  it('answers "recorded" within its wait when the mail server hangs, and the late success still counts', async () => {
    const { delivery, mailer } = fixture({ waitMs: 20 });
    mailer.mode = 'hang';
    const { progress } = await delivery.submit(ask);
    expect(progress.state).toBe('recorded');
    // A scan meanwhile does not send the message a second time.
    await delivery.runDue();
    expect(mailer.attempts).toHaveLength(1);
    mailer.finishHanging();
    await expect.poll(async () => (await delivery.latest('RNW-20481137'))?.state).toBe('sent');
  });

  it('with the file outbox, the e-mail is kept once, not retried, and the request stays "recorded"', async () => {
    const { delivery, mailer, clock } = fixture();
    mailer.mode = 'keep';
    const { progress } = await delivery.submit({ ...ask, contactEmail: 'claire@boulangeries-martin.example' });
    expect(progress).toMatchObject({ state: 'recorded', copy: { state: 'kept' } });
    clock.advance(60 * MINUTE);
    expect(await delivery.runDue()).toBe(0);
    expect(mailer.attempts).toHaveLength(2);
  });

  it('refuses a contract already renewed, an unknown one, and an invalid request, without queueing anything', async () => {
    const { delivery, outbox } = fixture();
    await expect(delivery.submit({ ...ask, requestedBy: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(delivery.submit({ ...ask, requestedBy: '   ' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(delivery.submit({ ...ask, renewalId: 'RNW-61194530' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(delivery.submit({ ...ask, renewalId: 'RNW-99999999' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await outbox.listDue(new Date(NOW.getTime() + 1e9), 100)).toEqual([]);
    expect(await outbox.listByRenewalId('RNW-61194530')).toEqual([]);
  });

  it('does not send a second request for the same contract within the repeat window', async () => {
    const { delivery, mailer, clock } = fixture();
    const first = await delivery.submit(ask);
    clock.advance(9 * MINUTE);
    expect(await delivery.submit(ask)).toMatchObject({ quoteId: first.quoteId, repeated: true });
    expect(mailer.attempts).toHaveLength(1);
    clock.advance(MINUTE);
    const second = await delivery.submit(ask);
    expect(second.quoteId).not.toBe(first.quoteId);
    expect(second.repeated).toBeUndefined();
    expect(mailer.attempts).toHaveLength(2);
  });

  it('refuses a copy to an address outside the account\'s e-mail domains (no mail relay for strangers)', async () => {
    const { delivery, mailer } = fixture();
    await expect(delivery.submit({ ...ask, contactEmail: 'victim@elsewhere.example' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(mailer.attempts).toEqual([]);
  });

  it('after a restart, a new service on the same SQLite file sends what the first one could not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-outbox-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'state.sqlite');
    const clock = new FakeClock(NOW);
    const db1 = openDatabase(file);
    const first = fixture({ clock, outbox: new SqliteQuoteOutbox(db1) });
    first.mailer.mode = 'fail';
    const { quoteId } = await first.delivery.submit({ ...ask, contactEmail: 'claire@boulangeries-martin.example' });
    db1.close();

    clock.advance(10 * MINUTE);
    const db2 = openDatabase(file);
    const second = fixture({ clock, outbox: new SqliteQuoteOutbox(db2) });
    expect(await second.delivery.runDue()).toBe(2);
    expect(second.mailer.sent.map((m) => m.messageId)).toEqual([`<${quoteId}.reseller@bot.example>`, `<${quoteId}.customer@bot.example>`]);
    expect(await second.delivery.latest('RNW-20481137')).toMatchObject({ quoteId, state: 'sent', copy: { state: 'sent' } });
    db2.close();
  });
});

/** The vendor's API as the contract service: a receipt, or a failure, as the test sets. */
class FakeVendorApi implements ContractService {
  readonly calls: Array<{ request: QuoteRequest; key: string | undefined }> = [];
  constructor(public answer: 'unavailable' | 'received' | 'forwarded-to-reseller') {}
  findByRenewalId = (id: string) => Promise.resolve(id === 'RNW-20481137' ? aContract() : undefined);
  listAccountContracts = () => Promise.resolve([aContract()]);
  verifyProof = () => Promise.resolve(false);
  requestQuote(request: QuoteRequest, options?: QuoteRequestOptions): Promise<QuoteRequestReceipt> {
    this.calls.push({ request, key: options?.idempotencyKey });
    if (this.answer === 'unavailable') return Promise.reject(new ContractApiError('unavailable', 'POST /contracts/RNW-****1137/quote-requests: HTTP 503 after 3 attempts', 503));
    return Promise.resolve({ id: 'Q-API00001', renewalId: request.renewalId, createdAt: NOW.toISOString(), status: this.answer });
  }
}

describe('QuoteDeliveryService with the vendor\'s contract API', () => {
  it('counts the request as sent when the API confirms it forwarded it to the reseller', async () => {
    const api = new FakeVendorApi('forwarded-to-reseller');
    const { delivery, mailer } = fixture({ contracts: api, vendorApi: true });
    mailer.mode = 'fail';
    const { progress } = await delivery.submit(ask);
    expect(progress.state).toBe('sent');
    expect(api.calls).toEqual([{ request: { renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' }, key: expect.any(String) }]);
  });

  it('an API receipt that only says "received" does not make it sent: the reseller e-mail decides', async () => {
    const api = new FakeVendorApi('received');
    const { delivery, mailer } = fixture({ contracts: api, vendorApi: true });
    mailer.mode = 'fail';
    expect((await delivery.submit(ask)).progress.state).toBe('recorded');
  });

  it('keeps a request the API could not take and sends it again later with the same idempotency key', async () => {
    const api = new FakeVendorApi('unavailable');
    const log = new RecordingLog();
    const { delivery, clock } = fixture({ contracts: api, vendorApi: true, log });
    const { quoteId, progress } = await delivery.submit(ask);
    expect(quoteId).toMatch(/^Q-[0-9A-F]{8}$/);
    expect(progress.state).toBe('sent'); // the e-mail went through; the API is still owed the request
    expect(log.failures()[0]?.fields).toMatchObject({ channel: 'vendor-api', attempt: 1 });
    expect(String(log.failures()[0]?.fields.error)).toContain('unavailable');

    api.answer = 'received';
    clock.advance(MINUTE);
    expect(await delivery.runDue()).toBe(1);
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]?.key).toBe(api.calls[0]?.key);
    expect(api.calls[1]?.request).toEqual({ renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' });
  });
});
