import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A logger that keeps its JSON lines for the test to read. */
export function capturingLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  return { logger, lines: () => raw.map((line) => JSON.parse(line)) };
}
