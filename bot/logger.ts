import { pino, type Logger } from 'pino';

export type { Logger };

/** The bot's one logger: JSON lines on standard error, so standard output stays free for tools. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
