import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
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
  private readonly transport: Transporter<StreamTransport.SentMessageInfo>;

  constructor(private readonly options: { dir: string; from: string }) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    // Named after the Message-ID: a message written again (after a restart) replaces itself.
    const name = `${mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
    const file = path.resolve(this.options.dir, name);
    try {
      const info = await this.transport.sendMail({
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
