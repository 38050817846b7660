import { z } from 'zod';
import type { Clock } from '../../../services/clock.js';
import { sameSecret, sign } from './keys.js';

/** What a local token grants: one user, in one conversation, until it expires. */
export interface LocalTokenClaims {
  conversationId: string;
  userId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds, as Direct Line says it. */
  expires_in: number;
}

export type TokenCheck = { ok: true; claims: LocalTokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const payloadSchema = z.object({ conv: z.string().min(1), user: z.string().min(1), exp: z.number().int() });

/**
 * Tokens of the embedded Direct Line endpoint: HS256 JWTs, self-contained (nothing to store or
 * clean up), bound to one conversation and one user like Direct Line's own tokens. Like those,
 * they carry the user id in a `user` claim, where Web Chat reads it.
 */
export class LocalTokens {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
    /** @default 1800, Direct Line's token lifetime */
    private readonly lifetimeSeconds = 1800,
  ) {}

  issue(conversationId: string, userId: string): IssuedToken {
    const exp = Math.floor(this.clock.now().getTime() / 1000) + this.lifetimeSeconds;
    const payload = Buffer.from(JSON.stringify({ conv: conversationId, user: userId, exp })).toString('base64url');
    const unsigned = `${HEADER}.${payload}`;
    return { token: `${unsigned}.${sign(this.key, unsigned)}`, expires_in: this.lifetimeSeconds };
  }

  check(token: string): TokenCheck {
    const [header, payload, signature, extra] = token.split('.');
    if (header !== HEADER || !payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
    if (!sameSecret(signature, sign(this.key, `${header}.${payload}`))) return { ok: false, reason: 'invalid' };
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const parsed = payloadSchema.safeParse(decoded);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    const claims = { conversationId: parsed.data.conv, userId: parsed.data.user, expiresAt: parsed.data.exp * 1000 };
    if (claims.expiresAt <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}
