import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { FileOutboxMailer } from '../../../bot/mail/fileOutboxMailer.js';
import { MailDeliveryError } from '../../../services/quotes/index.js';
import { FakeClock } from '../../services/fakeClock.js';
import { decodeMail } from './decodeMail.js';

const dir = mkdtempSync(path.join(tmpdir(), 'outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded default: quote e-mails written as .eml files', () => {
  it('writes one readable .eml per message under OUTBOX_DIR, and the bot keeps saying "recorded"', async () => {
    const outbox = path.join(dir, 'data', 'outbox');
    // No SMTP setting: the wiring picks the file outbox by itself.
    const parts = createBot(loadConfig({ STORAGE: 'memory', OUTBOX_DIR: outbox }), createLogger('silent'), { clock: new FakeClock(new Date(2026, 10, 28)) });
    const { quoteId, progress } = await parts.quoteDelivery.submit({
      renewalId: 'RNW-20481137', requestedBy: 'Claire Martin', contactEmail: 'claire@boulangeries-martin.example', language: 'en',
    });
    parts.close();
    expect(progress).toMatchObject({ state: 'recorded', copy: { state: 'kept' } });
    expect(readdirSync(outbox).sort()).toEqual([`${quoteId}.customer_localhost.eml`, `${quoteId}.reseller_localhost.eml`].sort());
    const mail = decodeMail(readFileSync(path.join(outbox, `${quoteId}.reseller_localhost.eml`), 'utf8'));
    expect(mail.headers.get('to')).toBe('renouvellements@infogerance-lyonnaise.example');
    expect(mail.headers.get('from')).toBe('Renewal assistant <renewal-assistant@localhost>');
    expect(mail.headers.get('subject')).toContain(quoteId);
    expect(mail.headers.get('message-id')).toBe(`<${quoteId}.reseller@localhost>`);
    expect(mail.text).toContain('Renewal ID: RNW-20481137');
    expect(mail.text).not.toContain('CRT-774310452');
  });

  it('reports a folder it cannot write to as a temporary failure (the delivery stays queued)', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the outbox folder should be');
    const mailer = new FileOutboxMailer({ dir: path.join(blocker, 'outbox'), from: 'a@b.example' });
    await expect(mailer.send({ to: ['x@y.example'], subject: 's', text: 't', messageId: '<m@x>' }))
      .rejects.toSatisfy((e) => e instanceof MailDeliveryError && !e.permanent);
  });
});
