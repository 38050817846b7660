/** What replaces a proof of purchase in a transcript. */
export const REDACTED = '[…]';

const RENEWAL_ID = /^RNW-\d{8}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A run of letters, digits and the separators proofs are typed with. */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[-._/ ](?=[\p{N}]))*/gu;

/**
 * Hides what could be a proof of purchase (certificate number, order number, SAN): any token
 * holding six digits or more, typed with or without separators ("CRT-774310452",
 * "so 5501229", "SAN-4471-2210-88"). Renewal IDs and ISO dates stay readable for the agent.
 *
 * @example
 * redactProofs('my certificate is CRT-774310452') // 'my certificate is […]'
 * redactProofs('status of RNW-20481137')          // unchanged
 */
export function redactProofs(text: string): string {
  return text.normalize('NFKC').replace(TOKEN, (token) => {
    const digits = token.replace(/\D/gu, '').length;
    if (digits < 6 || RENEWAL_ID.test(token) || ISO_DATE.test(token)) return token;
    return REDACTED;
  });
}
