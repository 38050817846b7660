import restify, { type Server } from 'restify';
import { systemClock } from '../../services/clock.js';
import type { Logger } from '../logger.js';
import type { Activity } from 'botbuilder-core';
import { readActivity } from './activityGuard.js';
import { FailureLog } from './failureLog.js';
import { jsonBody, type BodyRefusal } from './jsonBody.js';
import { ServiceUrlPolicy } from './serviceUrls.js';

/** What handles POST /api/messages once the activity passed the checks (see adapterEndpoint). */
export interface MessageEndpoint {
  /** `activity` is the request's body, checked by {@link readActivity}. */
  process(activity: Activity, req: restify.Request, res: restify.Response): Promise<void>;
}

export interface ServerOptions {
  messages: MessageEndpoint;
  logger: Logger;
  /** Where request failures are logged, at a bounded rate. @default a FailureLog on `logger` */
  failures?: FailureLog;
  /** Which serviceUrls an activity may name. @default local mode's: this machine only */
  serviceUrls?: ServiceUrlPolicy;
  /** Largest request body in bytes. @default 262144 */
  maxBodySize?: number;
  /** Deepest JSON nesting accepted. @default 32 */
  maxJsonDepth?: number;
}

/**
 * Builds the restify server: `POST /api/messages` (checked, then handed to the adapter) and
 * `GET /healthz`. Other route groups are added by the wiring file.
 */
export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({ name: 'renewal-support-bot', handleUncaughtExceptions: false });
  const failures = options.failures ?? new FailureLog({ logger: options.logger, clock: systemClock });
  const serviceUrls = options.serviceUrls ?? new ServiceUrlPolicy(false);
  server.use(jsonBody({ maxBytes: options.maxBodySize ?? 262_144, maxDepth: options.maxJsonDepth ?? 32 }, sendRefusal));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    const read = readActivity(req.body);
    if ('error' in read) {
      res.send(400, { error: read.error });
      return;
    }
    // In production the adapter authenticates the activity (and so its serviceUrl) next.
    if (!serviceUrls.allows(read.activity.serviceUrl, true)) {
      res.send(400, { error: 'activity.serviceUrl: without an app id (local mode) the bot only replies to this machine (http://localhost:<port>, the Emulator)' });
      return;
    }
    try {
      await options.messages.process(read.activity, req, res);
    } catch (error) {
      failures.error('message endpoint failed', error, { url: req.url });
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    if ((err.statusCode ?? 500) >= 500) {
      failures.error('request failed', err, { url: req.url?.slice(0, 200) });
      // restify would send the error's own message: say nothing about the inside.
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
    next();
  });
  return server;
}

/** Body refusals in the route's own error shape: Direct Line's on the chat routes, `{ error }` elsewhere. */
function sendRefusal(req: restify.Request, res: restify.Response, refusal: BodyRefusal): void {
  const path = req.path();
  if (path.startsWith('/v3/') || path.startsWith('/api/directline/')) {
    const code = refusal.status === 413 ? 'MessageSizeTooBig' : 'BadArgument';
    res.send(refusal.status, { error: { code, message: refusal.message } });
  } else {
    res.send(refusal.status, { error: refusal.message });
  }
}

/** Starts listening; resolves with the port actually bound (useful with port 0 in tests). */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return address.port;
}
