import { extractRenewalId } from './extractRenewalId.js';

/**
 * Hides all but the last 4 digits of a renewal ID, for logs and error messages.
 * Anything that is not a renewal ID is hidden completely (it may be a mistyped secret).
 *
 * @example
 * maskRenewalId('RNW-20481137') // 'RNW-****1137'
 * maskRenewalId('hello') // '****'
 */
export function maskRenewalId(renewalId: string): string {
  const canonical = extractRenewalId(renewalId);
  return canonical ? `RNW-****${canonical.slice(-4)}` : '****';
}
