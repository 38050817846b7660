import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../services/clock.js';

export interface AgentCredential {
  name: string;
  token: string;
}

const SESSION_MS = 12 * 60 * 60 * 1000;
const LINK_MS = 15 * 60 * 1000;
/** @default idle time after which a desk session ends: 30 minutes */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;

interface DeskSession {
  id: string;
  name: string;
  expires: number;
  lastUsed: number;
}

export interface AgentDirectoryOptions {
  /** A session not used for this long ends. @default DEFAULT_SESSION_IDLE_MS */
  sessionIdleMs?: number;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Who the support agents are (AGENT_TOKENS), and how they prove it: a bearer token (API),
 * a desk session, or a one-time sign-in link (local desk, printed at start-up).
 * Sessions are kept by the process that opened them, so they can be ended before their 12 h:
 * by signing out, after `sessionIdleMs` without a request, and by a restart (which is also
 * what removing or changing a token in AGENT_TOKENS takes); the cookie is moreover signed with
 * the agent's token, so it is worthless once that token changes. With several instances the
 * desk needs session affinity (App Service's ARR affinity, on by default).
 * Tokens are compared as SHA-256 digests with timingSafeEqual, every agent each time, so the
 * time taken says nothing about which token, or how much of it, matched.
 */
export class AgentDirectory {
  private readonly links = new Map<string, { name: string; expires: number }>();
  /** Open sessions by id: whose, until when at most, last used when. */
  private readonly sessions = new Map<string, DeskSession>();
  private readonly idleMs: number;

  constructor(private readonly agents: readonly AgentCredential[], private readonly clock: Clock, options: AgentDirectoryOptions = {}) {
    this.idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  }

  get isEmpty(): boolean {
    return this.agents.length === 0;
  }

  /** The agent whose token this is; undefined for anything else. */
  byToken(token: string): string | undefined {
    const given = digest(token);
    let found: string | undefined;
    for (const agent of this.agents) {
      const equal = timingSafeEqual(given, digest(agent.token));
      if (equal && token !== '') found = agent.name;
    }
    return found;
  }

  /** A new session for the agent; its cookie value is `name.expires.id.signature`. */
  newSession(name: string): { value: string; maxAgeSeconds: number } {
    const now = this.clock.now().getTime();
    this.forgetEnded(now);
    const expires = now + SESSION_MS;
    const id = randomBytes(18).toString('base64url');
    this.sessions.set(id, { id, name, expires, lastUsed: now });
    const payload = `${Buffer.from(name).toString('base64url')}.${expires}.${id}`;
    return { value: `${payload}.${this.sign(name, payload)}`, maxAgeSeconds: SESSION_MS / 1000 };
  }

  /**
   * The agent a session cookie belongs to, while the session is open: signed with the agent's
   * current token, not expired, not signed out, used within the idle time. Counts as a use.
   */
  bySession(value: string): string | undefined {
    const session = this.openSession(value);
    if (!session) return undefined;
    session.lastUsed = this.clock.now().getTime();
    return session.name;
  }

  /** Ends the session of this cookie (sign-out); returns the agent it belonged to. */
  endSession(value: string): string | undefined {
    const session = this.openSession(value);
    if (!session) return undefined;
    this.sessions.delete(session.id);
    return session.name;
  }

  private openSession(value: string): DeskSession | undefined {
    const [encoded, expires, id, signature, ...rest] = value.split('.');
    if (!encoded || !expires || !id || !signature || rest.length > 0 || !/^\d+$/.test(expires)) return undefined;
    const now = this.clock.now().getTime();
    if (Number(expires) <= now) return undefined;
    const name = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = this.sign(name, `${encoded}.${expires}.${id}`);
    if (!expected || !timingSafeEqual(digest(signature), digest(expected))) return undefined;
    const session = this.sessions.get(id);
    if (!session || session.name !== name) return undefined;
    if (now - session.lastUsed >= this.idleMs || session.expires <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Drops the sessions that ended by time, so that signed-in-and-gone agents do not pile up. */
  private forgetEnded(now: number): void {
    for (const [id, session] of this.sessions) {
      if (session.expires <= now || now - session.lastUsed >= this.idleMs) this.sessions.delete(id);
    }
  }

  /** A code that signs the agent in once, within 15 minutes. */
  newSignInCode(name: string): string {
    const code = randomBytes(24).toString('base64url');
    this.links.set(code, { name, expires: this.clock.now().getTime() + LINK_MS });
    return code;
  }

  /** The agent of a sign-in code, which is used up. */
  useSignInCode(code: string): string | undefined {
    const link = this.links.get(code);
    this.links.delete(code);
    return link && link.expires > this.clock.now().getTime() ? link.name : undefined;
  }

  private sign(name: string, payload: string): string {
    const agent = this.agents.find((a) => a.name === name);
    return agent ? createHmac('sha256', agent.token).update(`agent-session/${payload}`).digest('base64url') : '';
  }
}
