import restify, { type Server } from 'restify';
import type { Logger } from '../logger.js';
import { checkActivity } from './activityGuard.js';

/** What restify hands the adapter: botbuilder's CloudAdapter.process fits this shape. */
export interface MessageEndpoint {
  process(req: restify.Request, res: restify.Response): Promise<void>;
}

export interface ServerOptions {
  messages: MessageEndpoint;
  logger: Logger;
  /** Largest request body in bytes. @default 262144 */
  maxBodySize?: number;
}

/**
 * Builds the restify server: `POST /api/messages` (checked, then handed to the adapter) and
 * `GET /healthz`. Other route groups are added by the wiring file.
 */
export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({ name: 'renewal-support-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodySize ?? 262_144, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    const check = checkActivity(req.body);
    if (!check.ok) {
      res.send(400, { error: check.error });
      return;
    }
    try {
      await options.messages.process(req, res);
    } catch (error) {
      options.logger.error({ err: error }, 'message endpoint failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    if ((err.statusCode ?? 500) >= 500) options.logger.error({ err, url: req.url }, 'request failed');
    next();
  });
  return server;
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
