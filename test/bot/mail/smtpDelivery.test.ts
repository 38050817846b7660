import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type BotParts } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { createQuoteMailer } from '../../../bot/mail/createQuoteMailer.js';
import { MailDeliveryError } from '../../../services/quotes/index.js';
import { FakeClock } from '../../services/fakeClock.js';
import { decodeMail } from './decodeMail.js';
import { startLoopbackSmtp, type LoopbackSmtp } from './loopbackSmtp.js';

const TODAY = new Date(2026, 10, 28, 10, 0, 0);
const RESELLER = 'renouvellements@infogerance-lyonnaise.example';
const PROOFS = ['CRT-774310452', 'SO-5501229'];

let smtp: LoopbackSmtp;
const bots: BotParts[] = [];
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  for (const bot of bots) bot.close();
  await smtp.close();
});

function smtpEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    STORAGE: 'memory',
    LOG_LEVEL: 'silent',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_USER: 'bot',
    SMTP_PASSWORD: 's3cret',
    MAIL_FROM: 'Renewal assistant <renewals@bot.example>',
    ...extra,
  };
}

/** The bot built by the real wiring from SMTP settings (no mailer override). */
function botWith(env: Record<string, string>, clock = new FakeClock(TODAY)): { parts: BotParts; clock: FakeClock } {
  const parts = createBot(loadConfig(env), createLogger('silent'), { clock });
  bots.push(parts);
  return { parts, clock };
}

describe('quote e-mails through a real SMTP server on loopback', () => {
  it('delivers the reseller\'s e-mail and the customer\'s copy, with the contract details and no proof of purchase', async () => {
    smtp.received.length = 0;
    const { parts } = botWith(smtpEnv());
    const { quoteId, progress } = await parts.quoteDelivery.submit({
      renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', contactEmail: 'claire@boulangeries-martin.example', language: 'fr',
    });
    expect(progress).toMatchObject({ state: 'sent', copy: { state: 'sent' } });
    expect(smtp.received.map((m) => [m.from, m.to])).toEqual([
      ['renewals@bot.example', [RESELLER]],
      ['renewals@bot.example', ['claire@boulangeries-martin.example']],
    ]);
    const t = parts.translator.forLang('fr');
    const reseller = decodeMail(smtp.received[0]?.raw ?? '');
    expect(reseller.headers.get('subject')).toBe(t('quote.mail.reseller.subject', { id: quoteId, renewalId: 'RNW-20481137', account: 'Boulangeries Martin SARL' }));
    expect(reseller.headers.get('from')).toBe('Renewal assistant <renewals@bot.example>');
    expect(reseller.headers.get('reply-to')).toBe('claire@boulangeries-martin.example');
    expect(reseller.headers.get('message-id')).toBe(`<${quoteId}.reseller@bot.example>`);
    expect(reseller.text).toContain('RNW-20481137');
    expect(reseller.text).toContain('Bonjour Infogérance Lyonnaise,');
    expect(reseller.text).toContain('Symantec Endpoint Protection 14.3 RU8 : 40 licences');
    const copy = decodeMail(smtp.received[1]?.raw ?? '');
    expect(copy.headers.get('subject')).toBe(t('quote.mail.customer.subject', { id: quoteId, renewalId: 'RNW-20481137' }));
    expect(copy.text).toContain(RESELLER);
    for (const message of smtp.received) for (const proof of PROOFS) expect(message.raw).not.toContain(proof);
  });

  it('accepts the same server as one SMTP_URL', async () => {
    smtp.received.length = 0;
    const { parts } = botWith({ STORAGE: 'memory', SMTP_URL: `smtp://bot:s3cret@127.0.0.1:${smtp.port}`, MAIL_FROM: 'renewals@bot.example' });
    const { progress } = await parts.quoteDelivery.submit({ renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'en' });
    expect(progress.state).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(decodeMail(smtp.received[0]?.raw ?? '').text.indexOf('Hello Infogérance')).toBe(0);
  });

  it('a temporary refusal (451) leaves the request "recorded"; the retry after the wait delivers it', async () => {
    smtp.received.length = 0;
    smtp.deferNext(1);
    const { parts, clock } = botWith(smtpEnv());
    const { quoteId, progress } = await parts.quoteDelivery.submit({ renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'en' });
    expect(progress.state).toBe('recorded');
    expect(smtp.received).toHaveLength(0);
    clock.advance(60_000);
    expect(await parts.quoteDelivery.runDue()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await parts.quoteDelivery.latest('RNW-20481137')).toMatchObject({ quoteId, state: 'sent' });
  });

  it('a bot restarted on the same SQLite file sends, at start, what the stopped one could not', async () => {
    smtp.received.length = 0;
    smtp.deferNext(1);
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-restart-'));
    try {
      const env = smtpEnv({ STORAGE: 'sqlite', STORAGE_FILE: path.join(dir, 'state.sqlite') });
      const first = botWith(env);
      const { quoteId, progress } = await first.parts.quoteDelivery.submit({ renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', language: 'fr' });
      expect(progress.state).toBe('recorded');
      first.parts.close();

      first.clock.advance(60_000);
      botWith(env, first.clock); // no call: the wiring's first pass at start does it
      await expect.poll(() => smtp.received.length).toBe(1);
      expect(decodeMail(smtp.received[0]?.raw ?? '').headers.get('message-id')).toBe(`<${quoteId}.reseller@bot.example>`);
    } finally {
      for (const bot of bots.splice(0)) bot.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells a refused address (550, permanent) from a refused login (535, worth another try)', async () => {
    const refused = createQuoteMailer(loadConfig(smtpEnv())).mailer;
    const mail = { to: ['nobody@boulangeries-martin.example'], subject: 'x', text: 'x', messageId: '<t1@bot.example>' };
    await expect(refused.send(mail)).rejects.toSatisfy((e) => e instanceof MailDeliveryError && e.permanent);
    const badLogin = createQuoteMailer(loadConfig(smtpEnv({ SMTP_PASSWORD: 'wrong' }))).mailer;
    await expect(badLogin.send({ ...mail, to: [RESELLER] })).rejects.toSatisfy((e) => e instanceof MailDeliveryError && !e.permanent);
  });

  it('a server that does not answer is a temporary failure, not a crash', async () => {
    const closed = await startLoopbackSmtp();
    await closed.close();
    const mailer = createQuoteMailer(loadConfig(smtpEnv({ SMTP_PORT: String(closed.port) }))).mailer;
    await expect(mailer.send({ to: [RESELLER], subject: 'x', text: 'x', messageId: '<t2@bot.example>' }))
      .rejects.toSatisfy((e) => e instanceof MailDeliveryError && !e.permanent && e.message.includes('ECONNREFUSED'));
  });
});
