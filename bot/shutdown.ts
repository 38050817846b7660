import type { Server as HttpServer } from 'node:http';
import type { Server as NetServer } from 'node:net';
import type { Logger } from './logger.js';

/**
 * Counts the requests an HTTP server is answering, so that a shutdown can wait for them.
 * A request counts until its response is finished or its connection is gone.
 */
export class InFlightRequests {
  private count = 0;
  private waiters: Array<() => void> = [];

  constructor(server: HttpServer) {
    server.on('request', (_req, res) => {
      this.count += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.count -= 1;
        if (this.count === 0) this.waiters.splice(0).forEach((wake) => wake());
      };
      res.once('finish', finish);
      res.once('close', finish);
    });
  }

  get size(): number {
    return this.count;
  }

  /** Resolves when no request is in flight. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

export interface ShutdownOptions {
  http: HttpServer;
  /** Other listeners feeding the same HTTP server. */
  listeners: NetServer[];
  inFlight: InFlightRequests;
  /** Longest wait for requests in flight, in ms. */
  timeoutMs: number;
  /** Closes what the app opened (the database), once no request uses it. */
  closeApp: () => void;
  logger: Logger;
}

/**
 * Stops taking new connections, lets the requests in flight finish (at most `timeoutMs`),
 * then cuts what is left, closes the app and resolves: the process can exit 0.
 */
export async function shutDown(options: ShutdownOptions): Promise<{ drained: boolean }> {
  const { http, inFlight } = options;
  for (const listener of options.listeners) listener.close();
  http.close();
  http.closeIdleConnections();
  const pending = inFlight.size;
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    inFlight.idle().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  http.closeAllConnections();
  options.closeApp();
  options.logger.info({ pending, drained, left: inFlight.size }, drained ? 'stopped after the requests in flight finished' : `stopped: requests still in flight after ${options.timeoutMs} ms were cut`);
  return { drained };
}
