import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as the server received it (RFC 5322, CRLF line ends). */
  raw: string;
}

export interface LoopbackSmtp {
  port: number;
  received: ReceivedMail[];
  /** Answer the next N messages with `451 try again later`. */
  deferNext(count: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 and a random port, requiring the
 * login `bot` / `s3cret`, refusing `nobody@…` with 550 and keeping every message it accepts.
 */
export async function startLoopbackSmtp(): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  let deferred = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'bot' && auth.password === 's3cret') callback(null, { user: 'bot' });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) callback(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (deferred > 0) {
          deferred -= 1;
          callback(Object.assign(new Error('4.3.0 try again later'), { responseCode: 451 }));
          return;
        }
        const from = session.envelope.mailFrom;
        received.push({
          from: from === false ? '' : from.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null, 'queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address: AddressInfo | string | null = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    deferNext: (count) => {
      deferred = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
