/** One e-mail about a quote request, ready to send (addresses already validated). */
export interface OutgoingMail {
  to: string[];
  subject: string;
  /** Plain text body. */
  text: string;
  /** Where answers go (the customer's address on the reseller's e-mail). */
  replyTo?: string | undefined;
  /** `<…@…>`: the same on every attempt, so a recipient can recognise a message sent twice. */
  messageId: string;
}

export interface MailReceipt {
  /**
   * True when the message was handed to a mail server that accepted it for the recipients;
   * false when it was only kept (the file outbox of the embedded defaults).
   */
  reachedRecipient: boolean;
  /** The server's answer or the file written, for the operators' log. */
  detail: string;
}

/** A message that could not be sent; `permanent` when trying again cannot help (address refused). */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';

  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

/**
 * Where quote e-mails go: an SMTP server, or a folder of `.eml` files. Implemented in the
 * process layer (nodemailer); the delivery service depends on this interface only.
 */
export interface QuoteMailer {
  /** @throws MailDeliveryError when the message was not accepted */
  send(mail: OutgoingMail): Promise<MailReceipt>;
}
