import type { Lang } from '../schema.js';

/**
 * Light stemmers: they strip plural and common derivational endings so that "renewals",
 * "renewing" and "renewed" meet at "renew", and "renouvellements"/"renouveler" at "renouvel".
 * Lighter than Porter or Snowball on purpose: an over-eager stemmer merges words that tell
 * intents apart, and the same function stems both the knowledge base and the message.
 */
export const stemmers: Record<Lang, (word: string) => string> = { fr: stemFrench, en: stemEnglish };

const FRENCH_SUFFIXES = [
  'issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'ateurs', 'ateur', 'atrices', 'atrice',
  'ances', 'ance', 'ences', 'ence', 'ments', 'ment', 'ites', 'ite', 'ables', 'able', 'ibles', 'ible',
  'euses', 'euse', 'eurs', 'eur', 'ives', 'ive', 'ifs', 'if', 'ions', 'ion',
  'erions', 'erait', 'eraient', 'erez', 'erons', 'eront', 'era', 'erai', 'ant', 'ants', 'ante', 'antes',
  'iez', 'ions', 'ait', 'aient', 'ais', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x',
].sort((a, b) => b.length - a.length);

const ENGLISH_SUFFIXES = [
  'ations', 'ation', 'ments', 'ment', 'ness', 'ingly', 'ings', 'ing', 'ities', 'ity', 'ally', 'ly',
  'ies', 'ied', 'ers', 'er', 'ed', 'es', 's', 'e',
].sort((a, b) => b.length - a.length);

function stripSuffix(word: string, suffixes: readonly string[], minStem: number): string {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= minStem && word.endsWith(suffix)) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}

/** Collapses a doubled final consonant left by suffix stripping ("renouvell" → "renouvel"). */
function undouble(stem: string): string {
  const n = stem.length;
  if (n >= 4 && stem[n - 1] === stem[n - 2] && !'aeiouy'.includes(stem[n - 1] ?? 'a')) return stem.slice(0, -1);
  return stem;
}

/**
 * @example
 * stemFrench('renouvellements') // 'renouvel'
 */
export function stemFrench(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return undouble(stripSuffix(word, FRENCH_SUFFIXES, 3));
}

/**
 * @example
 * stemEnglish('renewals') // 'renew'
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('als') && stem.length > 6) stem = stem.slice(0, -3);
  else if (stem.endsWith('al') && stem.length > 6) stem = stem.slice(0, -2);
  stem = stripSuffix(stem, ENGLISH_SUFFIXES, 3);
  if (stem.endsWith('i') && word.endsWith('ies')) stem = `${stem.slice(0, -1)}y`;
  return undouble(stem);
}
