/** What replaces each kind of personal or account data in stored text. */
export const REDACTED = {
  email: '[email]',
  renewalId: '[renewal-id]',
  phone: '[phone]',
  number: '[number]',
} as const;

/** Longer texts are cut before redaction: a question is not an essay. */
export const MAX_STORED_TEXT = 500;

const EMAIL = /[\p{L}\p{N}._%+'-]+\s?(?:@|\(at\)|\[at\])\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
/** RNW-20481137, rnw 2048 1137, RNW_2048-1137, RNW#20481137. */
const PREFIXED_RENEWAL_ID = /\bRNW[\s\-_:#.]{0,3}\d{4}[\s\-]{0,2}\d{4}\b/giu;
/** International: +33 6 12 34 56 78, 0033 6…, +1 (202) 555-0143, +44 20 7946 0958. */
const INTERNATIONAL_PHONE = /(?:\+|\b00)\s?\d[\d\s().\-/]{5,20}\d/gu;
/** French national: 06 12 34 56 78, 06.12.34.56.78, 0612345678, 01-99-00-41-20. */
const FRENCH_PHONE = /\b0[1-9](?:[\s.\-]?\d{2}){4}\b/gu;
/** North American: (202) 555-0143, 202-555-0143, 202.555.0143. */
const NANP_PHONE = /(?:\(\d{3}\)\s?|\b\d{3}[\s.\-])\d{3}[\s.\-]\d{4}\b/gu;
/** A bare renewal ID: 8 digits, whole or 4 + 4. */
const BARE_RENEWAL_ID = /\b\d{4}[\s\-]?\d{4}\b/gu;
/** Codes with a letter prefix: CRT-774310452, SO-5501229, ACC-FR-100245, ORD55012291, n°4471. */
const PREFIXED_CODE = /\b\p{L}{1,6}(?:[\-_]\p{L}{1,4})?(?:[\-_#:/.]|°|\s?n°\s?)?\d[\d\-]{3,}\b/giu;
/** Any other run of 5 digits or more, possibly in groups: 774310452, 12 345 678. */
const LONG_NUMBER = /\b\d(?:[\s\-.]?\d){4,}\b/gu;
/** Serial-like tokens mixing letters and at least 3 digits: 4X7K-99PL-2QRT, M7K2P9X4. */
const SERIAL = /\b(?=[\p{L}\p{N}\-]*\p{L})(?=(?:[\p{L}\-]*\p{N}){3})[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\b/gu;

/**
 * Removes what could identify a customer or an account from a text before it is stored:
 * e-mail addresses, renewal IDs in any format, phone numbers (French and international
 * formats), and anything that looks like a certificate, order, contract or serial number.
 * Words and short numbers (years, versions such as 14.3) are kept, so the question still reads.
 *
 * @example
 * redact('my id is rnw 2048 1137, call 06 12 34 56 78') // 'my id is [renewal-id], call [phone]'
 */
export function redact(text: string): string {
  return text
    .slice(0, MAX_STORED_TEXT)
    .normalize('NFKC')
    .replace(EMAIL, REDACTED.email)
    .replace(PREFIXED_RENEWAL_ID, REDACTED.renewalId)
    .replace(INTERNATIONAL_PHONE, REDACTED.phone)
    .replace(FRENCH_PHONE, REDACTED.phone)
    .replace(NANP_PHONE, REDACTED.phone)
    .replace(BARE_RENEWAL_ID, REDACTED.renewalId)
    .replace(PREFIXED_CODE, REDACTED.number)
    .replace(LONG_NUMBER, REDACTED.number)
    .replace(SERIAL, (token) => (isPlaceholderWord(token) ? token : REDACTED.number));
}

/** The placeholders themselves contain letters only; never redact them twice. */
function isPlaceholderWord(token: string): boolean {
  return !/\d/.test(token);
}
