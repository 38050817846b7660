import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { MailDeliveryError, type MailReceipt, type OutgoingMail, type QuoteMailer } from '../../services/quotes/index.js';

export interface SmtpSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`; wins over the separate fields. */
  url?: string | undefined;
  host?: string | undefined;
  /** @default 587 */
  port?: number | undefined;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. @default port === 465 */
  secure?: boolean | undefined;
  user?: string | undefined;
  password?: string | undefined;
  /** The From address, e.g. `Renewal assistant <renewals@example.com>`. */
  from: string;
  /** Connection, greeting and idle time limits. @default 10000 */
  timeoutMs?: number | undefined;
}

/** SMTP answers that say the message or a recipient is refused for good (5xx on the envelope or data). */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['EENVELOPE', 'EMESSAGE']);

function field(error: unknown, name: 'code' | 'responseCode'): unknown {
  return typeof error === 'object' && error !== null && name in error ? Reflect.get(error, name) : undefined;
}

/**
 * Sends quote e-mails through an SMTP server (nodemailer). A message counts as delivered when
 * the server accepts it for every recipient; a 5xx refusal is permanent, anything else
 * (connection, time-out, 4xx, authentication) is worth another try.
 *
 * @example
 * const mailer = new SmtpQuoteMailer({ host: 'smtp.example.com', port: 587, user, password, from: 'Renewals <renewals@example.com>' });
 */
export class SmtpQuoteMailer implements QuoteMailer {
  private transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;

  constructor(private readonly settings: SmtpSettings) {}

  /** nodemailer is loaded on the first message, not at start-up (it weighs ~15 MB). */
  private connect(): Promise<Transporter<SMTPTransport.SentMessageInfo>> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) => {
      const { settings } = this;
      const timeoutMs = settings.timeoutMs ?? 10_000;
      const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs * 3 };
      if (settings.url) return nodemailer.createTransport({ url: settings.url, ...timeouts });
      const port = settings.port ?? 587;
      return nodemailer.createTransport({
        host: settings.host,
        port,
        secure: settings.secure ?? port === 465,
        ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
        ...timeouts,
      });
    });
    return this.transport;
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    let info: SMTPTransport.SentMessageInfo;
    try {
      const transport = await this.connect();
      info = await transport.sendMail({
        from: this.settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      });
    } catch (error) {
      const code = field(error, 'code');
      const responseCode = field(error, 'responseCode');
      const permanent = typeof code === 'string' && PERMANENT_CODES.has(code) && typeof responseCode === 'number' && responseCode >= 500;
      const reason = error instanceof Error ? error.message : String(error);
      throw new MailDeliveryError(`SMTP${typeof code === 'string' ? ` ${code}` : ''}: ${reason}`, permanent);
    }
    if (info.rejected.length > 0) {
      throw new MailDeliveryError(`SMTP: ${info.rejected.length} recipient(s) refused: ${info.response}`, true);
    }
    return { reachedRecipient: true, detail: `SMTP ${info.response}` };
  }

  close(): void {
    void this.transport?.then((transport) => transport.close(), () => undefined);
  }
}
