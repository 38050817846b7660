import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The form proofs are compared in: full-width characters folded (NFKC), upper case, without
 * spaces, dashes, dots or underscores.
 *
 * @example
 * normalizeProof('crt 7743-10452') // 'CRT774310452'
 */
export function normalizeProof(proof: string): string {
  return proof.normalize('NFKC').toUpperCase().replace(/[\s\-\u2010-\u2015\u2212._]/gu, '');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Whether `proof` equals one of the `expected` values once normalized. Compares SHA-256 digests
 * with crypto.timingSafeEqual and always checks every candidate, so the time taken does not
 * tell which candidate, or how much of it, matched. An empty proof never matches.
 *
 * @example
 * proofMatches('crt 7743-10452', ['CRT-774310452', 'SO-5501229']) // true
 */
export function proofMatches(proof: string, expected: readonly (string | undefined)[]): boolean {
  const normalized = normalizeProof(proof);
  const given = digest(normalized);
  let matched = false;
  for (const candidate of expected) {
    const wanted = digest(candidate === undefined ? '' : normalizeProof(candidate));
    const equal = timingSafeEqual(given, wanted);
    matched = (equal && candidate !== undefined && normalized !== '') || matched;
  }
  return matched;
}
