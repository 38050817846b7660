import type { Lang } from '../schema.js';
import { foldText } from './foldText.js';
import { stemmers } from './stem.js';
import { MATCH_STOPWORDS } from './stopwords.js';
import { canonicalWord } from './synonyms.js';

/** A renewal ID as people type it: "RNW-20481137", "rnw 2048 1137", "20481137". */
const RENEWAL_ID = /\b(?:rnw[\s-]*)?\d{4}[\s-]?\d{4}\b/giu;
/** The word that stands for any renewal ID, so "check RNW-…" phrasings match every ID. */
export const RENEWAL_ID_WORD = 'renewalidnumber';

/** French ways of asking "what is", folded to one word that survives stop-word removal. */
const FRENCH_WHAT_IS = /\b(?:qu ?est ce qu[e]?|c est quoi|quoi)\b/g;

/** Folded content words of a text for one language: stop words dropped, synonyms merged. */
export function contentWords(text: string, lang: Lang): string[] {
  const stop = MATCH_STOPWORDS[lang];
  const folded = foldText(text.replace(RENEWAL_ID, ` ${RENEWAL_ID_WORD} `));
  const phrased = lang === 'fr' ? folded.replace(FRENCH_WHAT_IS, 'quoi') : folded;
  return phrased
    .split(' ')
    .map((w) => canonicalWord(w, lang))
    .filter((w) => (w.length > 1 || /\d/.test(w)) && !stop.has(w));
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
