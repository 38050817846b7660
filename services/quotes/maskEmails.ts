const EMAIL = /[^\s<>()[\]"',;:@]+@([A-Za-z0-9.-]+)/g;

/**
 * Hides the local part of every e-mail address in a text, for logs (an SMTP error often
 * repeats the refused address).
 *
 * @example
 * maskEmails('550 <claire.martin@example.com>: no such user') // '550 <***@example.com>: no such user'
 */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, '***@$1');
}
