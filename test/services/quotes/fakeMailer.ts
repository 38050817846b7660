import { MailDeliveryError, type MailReceipt, type OutgoingMail, type QuoteMailer } from '../../../services/quotes/index.js';

/** What the fake does with the next messages: accept, keep without sending, fail (for a while or for good), or hang. */
export type FakeMailerMode = 'accept' | 'keep' | 'fail' | 'refuse' | 'hang';

/** A mailer that records every attempt and does what the test says. */
export class FakeMailer implements QuoteMailer {
  readonly attempts: OutgoingMail[] = [];
  readonly sent: OutgoingMail[] = [];
  private release: (() => void) | undefined;

  constructor(public mode: FakeMailerMode = 'accept') {}

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    this.attempts.push(mail);
    switch (this.mode) {
      case 'fail':
        throw new MailDeliveryError(`SMTP ECONNECTION: connect ECONNREFUSED 127.0.0.1:25 for ${mail.to.join(', ')}`, false);
      case 'refuse':
        throw new MailDeliveryError(`SMTP EENVELOPE: 550 5.1.1 <${mail.to.join(', ')}>: no such user`, true);
      case 'hang':
        await new Promise<void>((resolve) => {
          this.release = resolve;
        });
        break;
      default:
        break;
    }
    this.sent.push(mail);
    return { reachedRecipient: this.mode !== 'keep', detail: this.mode === 'keep' ? 'kept' : '250 OK' };
  }

  /** Lets a hanging send finish (successfully). */
  finishHanging(): void {
    this.release?.();
  }
}
