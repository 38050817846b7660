import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../services/clock.js';

export interface AgentCredential {
  name: string;
  token: string;
}

const SESSION_MS = 12 * 60 * 60 * 1000;
const LINK_MS = 15 * 60 * 1000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Who the support agents are (AGENT_TOKENS), and how they prove it: a bearer token (API),
 * a session cookie signed with the agent's own token (desk; valid on every instance that
 * shares AGENT_TOKENS), or a one-time sign-in link (local desk, printed at start-up).
 * Tokens are compared as SHA-256 digests with timingSafeEqual, every agent each time, so the
 * time taken says nothing about which token, or how much of it, matched.
 */
export class AgentDirectory {
  private readonly links = new Map<string, { name: string; expires: number }>();

  constructor(private readonly agents: readonly AgentCredential[], private readonly clock: Clock) {}

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

  /** A session cookie value for the agent: `name.expires.signature`. */
  newSession(name: string): { value: string; maxAgeSeconds: number } {
    const expires = this.clock.now().getTime() + SESSION_MS;
    const payload = `${Buffer.from(name).toString('base64url')}.${expires}`;
    return { value: `${payload}.${this.sign(name, payload)}`, maxAgeSeconds: SESSION_MS / 1000 };
  }

  /** The agent a session cookie belongs to, while it is valid. */
  bySession(value: string): string | undefined {
    const [encoded, expires, signature] = value.split('.');
    if (!encoded || !expires || !signature || !/^\d+$/.test(expires)) return undefined;
    if (Number(expires) <= this.clock.now().getTime()) return undefined;
    const name = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = this.sign(name, `${encoded}.${expires}`);
    if (!expected) return undefined;
    const ok = timingSafeEqual(digest(signature), digest(expected));
    return ok ? name : undefined;
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
