import { randomBytes } from 'node:crypto';

/** Makes the ids of conversations and users; tests hand in a counter. */
export type IdGenerator = () => string;

/**
 * 128 random bits, URL-safe: ids are also capabilities (knowing a conversation id is part of
 * reaching it), so they must not be guessable.
 *
 * @example
 * randomId() // 'q3J0c8xZrV1mK2bN5dW7Pg'
 */
export const randomId: IdGenerator = () => randomBytes(16).toString('base64url');

/** The shape of a user id we hand out: `dl_` (what Direct Line expects) and a random part. */
export const USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{1,64}$/;
