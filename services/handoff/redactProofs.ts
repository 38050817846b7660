/** What replaces a proof of purchase in a transcript. */
export const REDACTED = '[…]';

/** Renewal IDs and ISO dates: kept as they are (split out first, so no proof swallows them). */
const KEPT = /(RNW-\d{8}(?!\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))/giu;
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
  const normalized = text.normalize('NFKC');
  // Most lines (FAQ questions and answers) hold fewer than six digits: nothing can be a proof.
  if (asciiDigits(normalized) < 6) return normalized;
  return normalized
    .split(KEPT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(TOKEN, (token) => (token.replace(/\D/gu, '').length < 6 ? token : REDACTED))))
    .join('');
}

function asciiDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) count += 1;
  }
  return count;
}
