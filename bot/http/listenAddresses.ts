import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import type { Server } from 'restify';
import { listen } from './server.js';

/** Where local mode listens unless HOST says otherwise: this machine only, over IPv4 and IPv6. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

export interface Listening {
  port: number;
  /** Listeners on the other addresses, handing their connections to the same HTTP server. */
  extra: NetServer[];
}

/**
 * Listens on each address: the first with the restify server itself, the others with plain
 * TCP listeners whose connections the same HTTP server serves (one server, one set of routes,
 * one count of requests in flight). An address this machine does not have (IPv6 switched off)
 * is skipped; the first one must work.
 *
 * @example
 * await listenOn(app.server, 3978, ['127.0.0.1', '::1']) // http://localhost:3978 over IPv4 and IPv6
 */
export async function listenOn(server: Server, port: number, hosts: readonly (string | undefined)[]): Promise<Listening> {
  const [first, ...others] = hosts;
  const bound = await listen(server, port, first);
  const extra: NetServer[] = [];
  for (const host of others) {
    const listener = createNetServer((socket) => server.server.emit('connection', socket));
    try {
      await new Promise<void>((resolve, reject) => {
        listener.once('error', reject);
        listener.listen(bound, host, () => {
          listener.removeListener('error', reject);
          resolve();
        });
      });
      extra.push(listener);
    } catch (error) {
      if (!isMissingAddress(error)) throw error;
    }
  }
  return { port: bound, extra };
}

function isMissingAddress(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT');
}
