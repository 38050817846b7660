import type { Lang } from '../schema.js';
import { foldWords } from './foldText.js';
import { stemmers } from './stem.js';
import { MATCH_STOPWORDS } from './stopwords.js';
import { canonicalWord } from './synonyms.js';

/** Folded content words of a text for one language: stop words dropped, synonyms merged. */
export function contentWords(text: string, lang: Lang): string[] {
  const stop = MATCH_STOPWORDS[lang];
  return foldWords(text)
    .map((w) => canonicalWord(w, lang))
    .filter((w) => w.length > 0 && !stop.has(w));
}

/**
 * The matching terms of a list of content words: each word's stem, and each pair of
 * neighbouring stems ("grace period" → grace, period, grace_period) so that word order
 * and set phrases count.
 */
export function termsOf(words: readonly string[], lang: Lang): string[] {
  const stem = stemmers[lang];
  const stems = words.map(stem);
  const terms = [...stems];
  for (let i = 0; i + 1 < stems.length; i += 1) terms.push(`${stems[i]}_${stems[i + 1]}`);
  return terms;
}

export const isBigram = (term: string): boolean => term.includes('_');
