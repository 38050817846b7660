import { USER_ID_PATTERN, type IdGenerator } from './ids.js';
import { sameSecret, sign } from './keys.js';

export interface SignedUserId {
  userId: string;
  /** Proof that this server made the id; the browser sends both back to keep its id. */
  userSignature: string;
}

/**
 * Hands out user ids made on the server, and takes back only those it signed: a browser
 * cannot choose someone else's id (and so their user state) by sending it.
 */
export class UserIds {
  constructor(
    private readonly key: Buffer,
    private readonly newId: IdGenerator,
  ) {}

  /** The id the browser sent back when the signature is ours, else a new one. */
  resolve(claimed?: { userId?: string; userSignature?: string }): SignedUserId {
    const { userId, userSignature } = claimed ?? {};
    if (userId && this.isSigned(userId, userSignature)) return { userId, userSignature: sign(this.key, userId) };
    const fresh = `dl_${this.newId()}`;
    return { userId: fresh, userSignature: sign(this.key, fresh) };
  }

  /** Whether `userSignature` is this server's signature of `userId`. */
  isSigned(userId: string, userSignature: string | undefined): boolean {
    return userSignature !== undefined && USER_ID_PATTERN.test(userId) && sameSecret(userSignature, sign(this.key, userId));
  }
}
