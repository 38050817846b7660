import type { Logger } from '../logger.js';
import type { Clock } from '../../services/clock.js';

export interface FailureLogOptions {
  logger: Logger;
  clock: Clock;
  /** Lines written per minute at most; the rest are counted and reported with the next line. @default 60 */
  perMinute?: number;
}

/**
 * Request failures as one JSON line each, at a bounded rate: a flood of forged requests must
 * not flood the logs (or the disk). Lines held back are counted in `suppressed` on the next
 * line written.
 *
 * @example
 * failures.warn('message refused: authentication failed', error, { url: req.url });
 */
export class FailureLog {
  private readonly perMinute: number;
  private tokens: number;
  private updatedAt: number;
  private suppressed = 0;

  constructor(private readonly options: FailureLogOptions) {
    this.perMinute = options.perMinute ?? 60;
    this.tokens = this.perMinute;
    this.updatedAt = options.clock.now().getTime();
  }

  error(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
    this.write('error', message, error, fields);
  }

  warn(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
    this.write('warn', message, error, fields);
  }

  private write(level: 'error' | 'warn', message: string, error: unknown, fields: Record<string, unknown>): void {
    if (!this.take()) {
      this.suppressed += 1;
      return;
    }
    const suppressed = this.suppressed > 0 ? { suppressed: this.suppressed } : {};
    this.suppressed = 0;
    this.options.logger[level]({ ...fields, err: describe(error, level === 'error'), ...suppressed }, message);
  }

  private take(): boolean {
    const now = this.options.clock.now().getTime();
    this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.updatedAt) * this.perMinute) / 60_000);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** An error as log fields: its type and message (cut), and its stack for errors of ours. */
function describe(error: unknown, withStack: boolean): Record<string, string> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 300) };
  return { type: error.name, message: error.message.slice(0, 300), ...(withStack && error.stack ? { stack: error.stack.slice(0, 4000) } : {}) };
}
