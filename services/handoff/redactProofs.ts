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
  // Most lines (FAQ questions and answers, dates, renewal IDs) hold no run of six digits: nothing can be a proof.
  if (!mayHoldProof(normalized)) return normalized;
  const parts = normalized.split(KEPT);
  if (!parts.some((part, i) => i % 2 === 0 && mayHoldProof(part))) return normalized;
  return parts
    .map((part, i) => (i % 2 === 1 ? part : part.replace(TOKEN, (token) => (token.replace(/\D/gu, '').length < 6 ? token : REDACTED))))
    .join('');
}

/**
 * Whether `text` may hold a token ({@link TOKEN}) with six ASCII digits or more, in one cheap
 * pass: every character outside ASCII counts as a letter or digit, so the tokens seen here are
 * never shorter than TOKEN's. A false is certain; a true is checked by the expressions.
 */
function mayHoldProof(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits += 1;
      if (digits >= 6) return true;
    } else if (!(isAsciiLetter(c) || c >= 0x80 || (isSeparator(c) && mayBeDigit(text.charCodeAt(i + 1))))) {
      digits = 0;
    }
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The separators TOKEN allows before a digit: - . _ / and space. */
function isSeparator(c: number): boolean {
  return c === 0x2d || c === 0x2e || c === 0x5f || c === 0x2f || c === 0x20;
}

function mayBeDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c >= 0x80;
}
