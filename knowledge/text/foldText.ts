/**
 * Lower-cases, removes accents and punctuation, and splits French elisions, so that
 * "L'échéance d'un CONTRAT ?" and "l echeance d un contrat" fold to the same words.
 *
 * @example
 * foldWords("Qu'est-ce qu'un ID de renouvellement ?") // ['qu', 'est', 'ce', 'qu', 'un', 'id', 'de', 'renouvellement']
 */
export function foldWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The last few texts folded and their results: one message is folded by the turn, the
 * recognizer, the model and the language detector in turn (six regex passes each time).
 */
const recent = new Map<string, string>();
const RECENT_TEXTS = 16;

/** The folded text as one string of words separated by single spaces. */
export function foldText(text: string): string {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const folded = fold(text);
  if (recent.size >= RECENT_TEXTS) recent.clear();
  recent.set(text, folded);
  return folded;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
