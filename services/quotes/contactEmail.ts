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
