import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { MailDeliveryError, type MailReceipt, type OutgoingMail, type QuoteMailer } from '../../services/quotes/index.js';

/**
 * The embedded default: writes each quote e-mail as a complete `.eml` file (RFC 5322, what a
 * mail client opens) in a folder, instead of sending it. Nothing reaches the reseller, so the
 * bot keeps saying "recorded"; an operator can open or forward the files.
 *
 * @example
 * const mailer = new FileOutboxMailer({ dir: 'data/outbox', from: 'Renewal assistant <renewals@localhost>' });
 */
export class FileOutboxMailer implements QuoteMailer {
  private transport: Promise<Transporter<StreamTransport.SentMessageInfo>> | undefined;

  constructor(private readonly options: { dir: string; from: string }) {}

  /** nodemailer (which writes the message) is loaded on the first message, not at start-up. */
  private composer(): Promise<Transporter<StreamTransport.SentMessageInfo>> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }));
    return this.transport;
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    // Named after the Message-ID: a message written again (after a restart) replaces itself.
    const name = `${mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
    const file = path.resolve(this.options.dir, name);
    try {
      const transport = await this.composer();
      const info = await transport.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      });
      const message = info.message;
      if (!Buffer.isBuffer(message)) throw new Error('the stream transport did not return the message');
      await mkdir(this.options.dir, { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      await writeFile(`${file}.tmp`, message);
      await rename(`${file}.tmp`, file);
    } catch (error) {
      throw new MailDeliveryError(`outbox ${this.options.dir}: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    return { reachedRecipient: false, detail: `written to ${file}` };
  }
}
