import type { Request } from 'restify';
import type { AgentDirectory } from './agentDirectory.js';

export const SESSION_COOKIE = 'agent_session';

/** The value of one cookie of the request. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.header('cookie') ?? '';
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The agent making the request: `Authorization: Bearer <agent token>` (API), or the desk's
 * session cookie. A cookie-authenticated write must be JSON, which a form on another site
 * cannot send without a CORS preflight (SameSite=Strict already keeps the cookie home).
 */
export function agentOf(req: Request, agents: AgentDirectory): string | undefined {
  const header = req.header('authorization');
  if (header !== undefined && header !== '') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ? agents.byToken(match[1]) : undefined;
  }
  return sessionAgentOf(req, agents);
}

/**
 * The agent of the desk's session cookie alone (pages such as the report go by session only;
 * a bearer token opens the JSON API, not a page).
 */
export function sessionAgentOf(req: Request, agents: AgentDirectory): string | undefined {
  const session = cookieOf(req, SESSION_COOKIE);
  if (!session) return undefined;
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  if (write && !/^application\/json\b/i.test(req.header('content-type') ?? '')) return undefined;
  return agents.bySession(session);
}
