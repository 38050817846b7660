import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { clientAddress } from '../http/directLine/clientAddress.js';
import type { TokenBucketLimiter } from '../http/directLine/tokenBucket.js';
import { fromRoot } from '../paths.js';
import type { AgentDirectory } from './agentDirectory.js';
import { agentOf, cookieOf, SESSION_COOKIE } from './agentIdentity.js';

export interface DeskRoutesOptions {
  agents: AgentDirectory;
  /** Production: the session cookie is Secure (HTTPS only). */
  secureCookies: boolean;
  /** Failed sign-ins per client address (token guessing). */
  signInLimiter: TokenBucketLimiter;
  /** The desk's strings in both languages (locales/…/handoffDesk). */
  strings: Record<string, unknown>;
  /** @default the project's web/agent folder */
  webRoot?: string;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

const signInBody = z.object({ token: z.string().max(500) });

/**
 * The agents' desk: `/agent` (page, script, styles, strings), sign-in with an agent token
 * (`POST /agent/session`) or a one-time link (`GET /agent/signin?code=…`), sign-out. The
 * session cookie is HttpOnly, SameSite=Strict, and Secure in production.
 */
export function registerDeskRoutes(server: Server, options: DeskRoutesOptions): void {
  const web = options.webRoot ?? fromRoot('web', 'agent');
  const files: Record<string, { file: string; type: string }> = {
    '/agent': { file: 'index.html', type: 'text/html; charset=utf-8' },
    '/agent/desk.js': { file: 'desk.js', type: 'text/javascript; charset=utf-8' },
    '/agent/desk.css': { file: 'desk.css', type: 'text/css; charset=utf-8' },
  };
  for (const [route, { file, type }] of Object.entries(files)) {
    const content = readFileSync(path.join(web, file));
    server.get(route, async (_req: Request, res: Response) => {
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': CSP,
      });
      res.end(content);
    });
  }
  const strings = JSON.stringify(options.strings);
  server.get('/agent/strings.json', async (_req: Request, res: Response) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(strings);
  });

  const setSession = (res: Response, agent: string) => {
    const session = options.agents.newSession(agent);
    res.header('Set-Cookie', cookie(session.value, session.maxAgeSeconds, options.secureCookies));
  };

  server.post('/agent/session', async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const body = signInBody.safeParse(req.body);
    const agent = body.success ? options.agents.byToken(body.data.token.trim()) : undefined;
    if (!agent) {
      const take = options.signInLimiter.take(clientAddress(req));
      if (!take.allowed) {
        res.header('Retry-After', String(take.retryAfterSeconds));
        res.send(429, { error: { code: 'too-many-requests', message: `Too many sign-in attempts; try again in ${take.retryAfterSeconds} s.` } });
        return;
      }
      res.send(401, { error: { code: 'unauthorized', message: 'This agent token is not valid.' } });
      return;
    }
    setSession(res, agent);
    res.send(200, { agent });
  });

  server.get('/agent/signin', async (req: Request, res: Response) => {
    const query: unknown = req.query;
    const code = typeof query === 'object' && query !== null && 'code' in query && typeof query.code === 'string' ? query.code : '';
    const agent = options.agents.useSignInCode(code);
    if (agent) setSession(res, agent);
    res.header('Cache-Control', 'no-store');
    res.header('Location', agent ? '/agent' : '/agent?signin=expired');
    res.send(302);
  });

  // Ends the session on the server too: the cookie, copied or kept, no longer signs anyone in.
  server.post('/agent/signout', async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    if (agentOf(req, options.agents)) {
      options.agents.endSession(cookieOf(req, SESSION_COOKIE) ?? '');
      res.header('Set-Cookie', cookie('', 0, options.secureCookies));
    }
    res.send(204);
  });
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}
