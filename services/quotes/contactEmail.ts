import { z } from 'zod';

const emailSchema = z.email().max(254);

/** Characters people put around an address they type: "<a@b.c>", "a@b.c.", "(a@b.c)". */
const WRAPPING = /^[<("'[]+|[>)"'\].,;:!?]+$/g;

/**
 * The one e-mail address in a message ("claire@example.com", "my address is <claire@example.com>."),
 * or undefined when there is none, more than one, or it is not a valid address (line breaks,
 * spaces inside, no domain…).
 *
 * @example
 * contactEmailIn('mon adresse : claire.martin@example.fr') // 'claire.martin@example.fr'
 * contactEmailIn('claire@') // undefined
 */
export function contactEmailIn(text: string): string | undefined {
  if (text.length > 1000) return undefined;
  const candidates = text.split(/\s+/).filter((word) => word.includes('@')).map((word) => word.replace(WRAPPING, ''));
  if (candidates.length !== 1) return undefined;
  const [candidate = ''] = candidates;
  const parsed = emailSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether an address belongs to one of the account's e-mail domains (or a subdomain of one),
 * so that the bot cannot be used to send mail to strangers. No domains on record: any address.
 *
 * @example
 * isAccountAddress('claire@boulangeries-martin.example', ['boulangeries-martin.example']) // true
 * isAccountAddress('x@attacker.example', ['boulangeries-martin.example']) // false
 */
export function isAccountAddress(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domains.some((d) => {
    const wanted = d.toLowerCase().replace(/^@/, '');
    return domain === wanted || domain.endsWith(`.${wanted}`);
  });
}
