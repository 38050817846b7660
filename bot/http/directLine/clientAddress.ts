import type { Request } from 'restify';

/**
 * The caller's IP address, used as its rate-limit key. It is the socket's peer: behind a
 * reverse proxy every caller shares the proxy's address, so put the limit in the proxy there.
 */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Whether the caller is this machine (the bot's own connector calls, local tools). */
export function isLocalCaller(req: Request): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1' || remote === req.socket.localAddress;
}

/**
 * The base URL at which this process reaches itself: the bot's replies to the embedded
 * channel go there (it is the `serviceUrl` of the activities that channel hands the bot).
 * Built from the socket, never from the Host header. The HTTP client under botbuilder
 * (@typespec/ts-http-runtime) passes a URL's hostname to getaddrinfo with its brackets, so
 * `http://[::1]:3978` fails with ENOTFOUND: a browser that came over IPv6 (Chromium's
 * `localhost`) is answered through the name `localhost`, which Node resolves to the loopback
 * addresses and tries in turn.
 */
export function selfServiceUrl(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address.includes(':') ? 'localhost' : address;
  return `http://${host}:${req.socket.localPort}`;
}

/**
 * The bot's origin as the browser reached it, e.g. `http://localhost:3978` (https when a
 * tunnel or proxy in front says so).
 */
export function requestOrigin(req: Request): string {
  const scheme = req.header('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${scheme}://${req.header('host') ?? `localhost:${req.socket.localPort}`}`;
}
