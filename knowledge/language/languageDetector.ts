import type { Lang } from '../schema.js';
import { foldWords } from '../text/foldText.js';
import { LANGUAGE_CLUES } from '../text/stopwords.js';
import { WordCache } from '../text/wordCache.js';

export interface LanguageGuess {
  /** The language, or undefined when the message gives no usable clue ("ok", "RNW-20481137"). */
  lang: Lang | undefined;
  /** Positive for French, negative for English; its size says how sure the guess is. */
  evidence: number;
}

/** How much evidence a confident guess needs. */
const CONFIDENT = 1.2;
const ACCENTED = /[éèêëàâçùûôîïœ]/giu;
/** The same letters, tested without a count (not global: no state between calls). */
const HAS_ACCENT = /[éèêëàâçùûôîïœ]/iu;
/** A French chat sign-off made of symbols, which folding would erase ("a+", "merci, @+ !"), ending the message. */
const FRENCH_SHORTHAND = /(^|[\s,])[a@]\s?\+[\s!.]*$/iu;
const DIGIT = /\d/u;

/**
 * The words that can tell the languages apart: a word with a digit (a renewal ID, a date, an
 * amount) is written the same in both, so it counts neither in training nor in a message;
 * otherwise whichever language's examples hold more IDs would claim every message with one.
 */
function wordsOf(text: string): string[] {
  return foldWords(text).filter((word) => !DIGIT.test(word));
}

/**
 * Tells French from English per message, also for short messages without accents and for
 * mixed ones ("je veux renew mon contract"). Clues, strongest first: function words
 * typical of one language, accented letters, words that only one language's knowledge
 * base uses, and a character-trigram model learnt from both languages' texts.
 */
export class LanguageDetector {
  private readonly vocabulary: Record<Lang, ReadonlySet<string>>;
  private readonly trigramOdds = new Map<string, number>();
  /** The odds of each known trigram of a word, in order: a word met again builds no substrings. Words come from users: bounded. */
  private readonly wordOdds = new WordCache<Float64Array>();

  constructor(corpus: Record<Lang, readonly string[]>) {
    const vocab = (lang: Lang) => new Set(corpus[lang].flatMap((text) => wordsOf(text)));
    const fr = vocab('fr');
    const en = vocab('en');
    this.vocabulary = {
      fr: new Set([...fr].filter((w) => !en.has(w) && w.length > 2)),
      en: new Set([...en].filter((w) => !fr.has(w) && w.length > 2)),
    };
    const frCounts = countTrigrams(corpus.fr);
    const enCounts = countTrigrams(corpus.en);
    const frTotal = sum(frCounts) + frCounts.size;
    const enTotal = sum(enCounts) + enCounts.size;
    for (const gram of new Set([...frCounts.keys(), ...enCounts.keys()])) {
      const pFr = ((frCounts.get(gram) ?? 0) + 1) / frTotal;
      const pEn = ((enCounts.get(gram) ?? 0) + 1) / enTotal;
      this.trigramOdds.set(gram, Math.log(pFr / pEn));
    }
  }

  detect(text: string): LanguageGuess {
    const words = wordsOf(text);
    let evidence = 0;
    let grams = 0;
    let odds = 0;
    for (const word of words) {
      if (LANGUAGE_CLUES.fr.has(word) && !LANGUAGE_CLUES.en.has(word)) evidence += 2;
      else if (LANGUAGE_CLUES.en.has(word) && !LANGUAGE_CLUES.fr.has(word)) evidence -= 2;
      else if (this.vocabulary.fr.has(word)) evidence += 0.5;
      else if (this.vocabulary.en.has(word)) evidence -= 0.5;
      const values = this.oddsOf(word);
      for (let i = 0; i < values.length; i += 1) odds += values[i] ?? 0;
      grams += values.length;
    }
    // Most messages have no accent: the list of accented letters is built only for those that do.
    if (HAS_ACCENT.test(text)) evidence += Math.min(3, (text.match(ACCENTED) ?? []).length * 1.5);
    if (FRENCH_SHORTHAND.test(text)) evidence += 2;
    // The trigram model breaks ties and carries messages made of unknown words; it never
    // outvotes a clear function-word clue on its own.
    if (grams > 0) evidence += Math.max(-1, Math.min(1, odds / Math.sqrt(grams)));
    const lang: Lang | undefined = evidence >= CONFIDENT ? 'fr' : evidence <= -CONFIDENT ? 'en' : undefined;
    return { lang, evidence };
  }

  private oddsOf(word: string): Float64Array {
    return this.wordOdds.get(word, (w) => this.findOdds(w));
  }

  private findOdds(word: string): Float64Array {
    const found: number[] = [];
    for (const gram of trigramsOf(word)) {
      const value = this.trigramOdds.get(gram);
      if (value !== undefined) found.push(value);
    }
    return Float64Array.from(found);
  }
}

function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  return grams;
}

function countTrigrams(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      for (const gram of trigramsOf(word)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const value of counts.values()) total += value;
  return total;
}
