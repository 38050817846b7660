import { foldText } from '../text/foldText.js';
import { canonicalWord } from '../text/synonyms.js';

/** The token every renewal-ID-looking number becomes, so one example covers every ID. */
export const ID_TOKEN = 'renewalidnumber';

/** Words after which a short number is an ID ("id 7781", "contrat 4456 12", "ref 2024 77651"). */
const ID_WORDS = new Set(['id', 'no', 'n', 'numero', 'number', 'num', 'ref', 'reference', 'contrat', 'contract', 'dossier', 'renouvellement', 'renewal']);
/** In folded text: an optional "rnw" and a run of digit groups ("rnw 2025 004512", "4471 2290"). */
const NUMBER_RUN = /\b(rnw ?)?(\d+(?: \d+)*)\b/g;
/** A year, in a run of numbers that may be a list of years. */
const YEAR = /^(19|20)\d\d$/;

/** True when the folded text holds a number that looks like a renewal ID. */
export function hasRenewalId(folded: string): boolean {
  return folded.split(' ').includes(ID_TOKEN);
}

/**
 * Folds a message for the model: accents and case removed, spelling variants merged (both
 * languages' lists: people mix them), and every number that looks like a renewal ID, in any
 * format ("RNW-20481137", "rnw 2048 1137", "33019-4482", "id 7781"), replaced by one token.
 * A year ("2016"), a list of years ("2026, 2027 and 2028") or a count ("40 postes") is not an
 * ID: without "rnw" or an ID word just before it, a number needs five digits or more, and not
 * only years.
 */
export function foldForModel(text: string): string {
  const folded = foldText(text).replace(NUMBER_RUN, (match, prefix: string | undefined, digits: string, offset: number, whole: string) => {
    const before = whole.slice(0, offset).trimEnd().split(' ').pop() ?? '';
    const count = digits.replace(/ /g, '').length;
    const named = prefix !== undefined || ID_WORDS.has(before);
    // "2026, 2027 and 2028" or "2024-2025" is a list of years, not an ID, unless an ID word says so.
    const years = digits.split(' ').every((group) => YEAR.test(group));
    const isId = named ? count >= 3 || prefix !== undefined : count >= 5 && !years;
    return isId ? ID_TOKEN : match;
  });
  return folded.split(' ').filter(Boolean).map((w) => canonicalWord(canonicalWord(w, 'en'), 'fr')).join(' ');
}

/**
 * The sparse features of a folded text: words, neighbouring word pairs, and character 2- to
 * 5-grams inside each word (padded with spaces, so "renew" gives " r", "re", …, "ew "),
 * each with its count.
 */
export function featuresOf(folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  const words = folded.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    add(`w ${word}`);
    if (i + 1 < words.length) add(`b ${word} ${words[i + 1] ?? ''}`);
    if (word === ID_TOKEN) continue;
    const padded = ` ${word} `;
    for (let n = 2; n <= 5; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) add(`c ${padded.slice(start, start + n)}`);
    }
  }
  return counts;
}
