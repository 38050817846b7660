import { createHash, timingSafeEqual } from 'node:crypto';

/** What an authenticator reads of a request: its headers. */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Says which support agent sent a request, or undefined when none did. The report routes are
 * handed one; the agent desk's sign-in (issue 10) implements the same interface.
 */
export interface AgentAuthenticator {
  authenticate(req: AuthRequest): string | undefined;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * `Authorization: Bearer <token>` checked against AGENT_TOKENS (`name:token,…`). Every token is
 * compared, in constant time over SHA-256 digests (same length whatever was sent), so neither
 * the time taken nor an early exit tells how close a guess was.
 *
 * @example
 * new BearerTokenAuthenticator([{ name: 'alice', token: 'x'.repeat(24) }]).authenticate(req) // 'alice' or undefined
 */
export class BearerTokenAuthenticator implements AgentAuthenticator {
  private readonly agents: ReadonlyArray<{ name: string; digest: Buffer }>;

  constructor(agents: ReadonlyArray<{ name: string; token: string }>) {
    this.agents = agents.map((a) => ({ name: a.name, digest: digest(a.token) }));
  }

  authenticate(req: AuthRequest): string | undefined {
    const header = req.headers['authorization'];
    const value = typeof header === 'string' ? header : undefined;
    const match = value === undefined ? null : /^Bearer[ ]+(\S{1,512})$/i.exec(value.trim());
    if (!match?.[1]) return undefined;
    const sent = digest(match[1]);
    let found: string | undefined;
    for (const agent of this.agents) if (timingSafeEqual(sent, agent.digest) && found === undefined) found = agent.name;
    return found;
  }
}
