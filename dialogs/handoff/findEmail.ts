const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[a-z]{2,}/iu;

/**
 * The e-mail address in a message, if it holds one ("you can write to me at a@b.fr").
 *
 * @example
 * findEmail('écrivez-moi : marie@exemple.fr') // 'marie@exemple.fr'
 */
export function findEmail(text: string): string | undefined {
  const found = EMAIL.exec(text)?.[0];
  return found && found.length <= 254 ? found.replace(/[.!?]+$/u, '') : undefined;
}
