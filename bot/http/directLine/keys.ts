import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A key for one purpose (signing user ids, signing local tokens), derived from one secret so
 * that a key leaked for one purpose says nothing about the others.
 *
 * @example
 * deriveKey(config.DIRECT_LINE_SECRET, 'user-id')
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`renewal-bot/web-chat/${purpose}`).digest();
}

/** A secret for this process only: what is signed with it is valid until the next restart. */
export function processSecret(): string {
  return randomBytes(32).toString('hex');
}

/** HMAC-SHA256 of a text, URL-safe. */
export function sign(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** Compares two strings in constant time (for signatures and bearer tokens). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
