import { extractRenewalId, type RenewalId } from '../../../services/contracts/index.js';

/** A renewal ID for a test, made as the bot makes it (from text, by the extractor). */
export function renewalIdOf(text: string): RenewalId {
  const id = extractRenewalId(text);
  if (!id) throw new Error(`not a renewal ID: ${text}`);
  return id;
}
