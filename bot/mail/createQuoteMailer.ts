import type { QuoteMailer } from '../../services/quotes/index.js';
import type { Config } from '../config.js';
import { FileOutboxMailer } from './fileOutboxMailer.js';
import { SmtpQuoteMailer } from './smtpQuoteMailer.js';

/** The From of the embedded defaults: the .eml files stay on this machine. */
export const DEFAULT_MAIL_FROM = 'Renewal assistant <renewal-assistant@localhost>';

export interface ConfiguredMailer {
  mailer: QuoteMailer;
  /** The domain of MAIL_FROM, for Message-IDs. */
  domain: string;
  /** Human description for the start-up log line (never the password). */
  description: string;
  close(): void;
}

function domainOf(from: string): string {
  const match = /@([^\s<>@]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'localhost';
}

/**
 * The quote mailer the configuration asks for: SMTP when SMTP_URL or SMTP_HOST is set,
 * otherwise .eml files in OUTBOX_DIR. For the wiring file only.
 *
 * @example
 * const { mailer } = createQuoteMailer(loadConfig({ SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'renewals@example.com' }));
 */
export function createQuoteMailer(config: Config): ConfiguredMailer {
  const from = config.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  const domain = domainOf(from);
  if (config.SMTP_URL || config.SMTP_HOST) {
    const smtp = new SmtpQuoteMailer({
      url: config.SMTP_URL,
      host: config.SMTP_HOST,
      port: config.SMTP_PORT ?? (config.SMTP_SECURE ? 465 : 587),
      secure: config.SMTP_SECURE,
      user: config.SMTP_USER,
      password: config.SMTP_PASSWORD,
      from,
    });
    const where = config.SMTP_URL ? new URL(config.SMTP_URL).host : `${config.SMTP_HOST ?? ''}:${config.SMTP_PORT ?? (config.SMTP_SECURE ? 465 : 587)}`;
    return { mailer: smtp, domain, description: `SMTP ${where}`, close: () => smtp.close() };
  }
  return { mailer: new FileOutboxMailer({ dir: config.OUTBOX_DIR, from }), domain, description: `files in ${config.OUTBOX_DIR}`, close: () => undefined };
}
