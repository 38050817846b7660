import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/app.js';
import { ConfigError, loadConfig } from '../../../bot/config.js';
import { createQuoteMailer } from '../../../bot/mail/createQuoteMailer.js';
import { FileOutboxMailer } from '../../../bot/mail/fileOutboxMailer.js';
import { SmtpQuoteMailer } from '../../../bot/mail/smtpQuoteMailer.js';

describe('quote e-mail settings', () => {
  it('with nothing set, writes .eml files to data/outbox from a localhost sender', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ OUTBOX_DIR: 'data/outbox', QUOTE_DELIVERY_WAIT_MS: 5000, QUOTE_RETRY_SCAN_MS: 30_000 });
    const configured = createQuoteMailer(config);
    expect(configured.mailer).toBeInstanceOf(FileOutboxMailer);
    expect(configured.domain).toBe('localhost');
  });

  it('uses SMTP when a host or URL is set, with the domain of MAIL_FROM for Message-IDs', () => {
    const byHost = createQuoteMailer(loadConfig({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_SECURE: 'true', MAIL_FROM: 'Renewals <renewals@example.com>' }));
    expect(byHost.mailer).toBeInstanceOf(SmtpQuoteMailer);
    expect(byHost).toMatchObject({ domain: 'example.com', description: 'SMTP smtp.example.com:465' });
    byHost.close();
    const byUrl = createQuoteMailer(loadConfig({ SMTP_URL: 'smtps://bot:pw@mail.example.org:465', MAIL_FROM: 'bot@example.org' }));
    expect(byUrl).toMatchObject({ domain: 'example.org', description: 'SMTP mail.example.org:465' });
    expect(byUrl.description).not.toContain('pw');
    byUrl.close();
  });

  it('requires MAIL_FROM with SMTP, and a user with a password', () => {
    expect(() => loadConfig({ SMTP_HOST: 'smtp.example.com' })).toThrow(/MAIL_FROM: required/);
    expect(() => loadConfig({ SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'a@example.com', SMTP_PASSWORD: 'x' })).toThrow(/SMTP_USER: required/);
  });

  it('refuses malformed values with one line, never repeating a secret', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://bot:hunter2@mail.example.com' })).toThrow(ConfigError);
    try {
      loadConfig({ SMTP_URL: 'http://bot:hunter2@mail.example.com' });
    } catch (error) {
      expect(String(error)).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect(String(error)).not.toContain('hunter2');
    }
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => loadConfig({ MAIL_FROM: 'a@example.com\r\nBcc: x@evil.example' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_PORT: '0' })).toThrow(/SMTP_PORT/);
    expect(() => loadConfig({ SMTP_SECURE: 'yes' })).toThrow(/SMTP_SECURE/);
    expect(() => loadConfig({ QUOTE_DELIVERY_WAIT_MS: '60000' })).toThrow(/QUOTE_DELIVERY_WAIT_MS/);
  });

  it('warns operators, once at start, when a production bot has no SMTP server', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } });
    const production = {
      STORAGE: 'memory', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'p',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002', VERIFICATION_KEY_SECRET: 'k'.repeat(32),
    };
    createBot(loadConfig(production), pino({ level: 'info' }, sink)).close();
    createBot(loadConfig({ ...production, SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'a@example.com' }), pino({ level: 'info' }, sink)).close();
    createBot(loadConfig({ STORAGE: 'memory' }), pino({ level: 'info' }, sink)).close();
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'quote-mail-not-configured');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, outbox: 'data/outbox' });
  });
});
