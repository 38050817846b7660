import { createHmac } from 'node:crypto';

/** The shortest secret accepted for the feedback hashes. */
export const MIN_KEY_SECRET_LENGTH = 32;

/**
 * Turns ids (users, conversations) into keyed hashes (HMAC-SHA-256, hex, 32 characters) so that
 * feedback can count distinct people and conversations without ever storing who they are.
 * Without the secret, a stored hash cannot be traced back to an id, even by trying every id.
 *
 * @example
 * new KeyedHasher(secret).hash('user', 'msteams:29:1abc') // 'a41f…' (32 hex characters)
 */
export class KeyedHasher {
  /** The hashes of the ids seen lately: every event of a conversation hashes the same two ids. */
  private readonly recent = new Map<string, string>();

  constructor(private readonly secret: string, private readonly maxRecent = 1000) {
    if (secret.length < MIN_KEY_SECRET_LENGTH) throw new Error(`the feedback key secret must have at least ${MIN_KEY_SECRET_LENGTH} characters`);
  }

  /** `kind` separates name spaces: a user and a conversation with the same id hash differently. */
  hash(kind: string, id: string): string {
    const input = `${kind}\u0000${id}`;
    const hit = this.recent.get(input);
    if (hit !== undefined) return hit;
    const hashed = createHmac('sha256', this.secret).update(input).digest('hex').slice(0, 32);
    if (this.recent.size >= this.maxRecent) this.recent.clear();
    this.recent.set(input, hashed);
    return hashed;
  }
}
