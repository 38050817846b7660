import { RENEWAL_ID_PATTERN } from './contract.js';

declare const renewalIdBrand: unique symbol;

/**
 * A renewal ID in canonical form (`RNW-` + 8 digits), made once from what the user typed by
 * extractRenewalId; the services take this type and never normalize again.
 */
export type RenewalId = string & { readonly [renewalIdBrand]: 'RenewalId' };

/** Whether a text is already a canonical renewal ID (no normalizing: `rnw-…` is not). */
export function isRenewalId(text: string): text is RenewalId {
  return RENEWAL_ID_PATTERN.test(text);
}

/** Horizontal white space (no line breaks): spaces, tabs, no-break and narrow no-break spaces. */
const SPACE = '[^\\S\\r\\n]';
/** Hyphen-minus, the Unicode hyphens and dashes, and the minus sign. */
const DASHES = '\\-\\u2010-\\u2015\\u2212';
/** Between the two halves: nothing, spaces, or one dash with spaces around it. */
const GAP = `${SPACE}{0,2}[${DASHES}]?${SPACE}{0,2}`;
/** What joins the groups of a longer number: a gap that may also be a slash (dates). */
const JOIN = `${SPACE}{0,2}[${DASHES}/]?${SPACE}{0,2}`;
/**
 * A letter, digit or underscore of a language that separates words with spaces. Japanese and
 * Chinese do not (`番号は20481137です`), so their characters do not glue a number to a word.
 */
const WORD = '(?:(?![\\p{scx=Hira}\\p{scx=Kana}\\p{scx=Hani}])[\\p{L}\\p{N}_])';
const DIGITS = `(?<head>[0-9]{4})${GAP}(?<tail>[0-9]{4})`;

const PREFIXED = `(?<!${WORD})RNW${SPACE}{0,2}[${DASHES}_:#.]?${SPACE}{0,2}`;
/**
 * A bare number must stand alone: not glued to a word or code (`ORD-55012291`), not a decimal,
 * and not one group of a longer number written with spaces or dashes (`06 1234 5678`, `030 12345678`).
 */
const BARE = `(?<!${WORD})(?<!${WORD}[${DASHES}_./])(?<!\\p{N}[.,])(?<!\\p{N}${JOIN})`;
const AFTER = `(?!${WORD})(?![.,]\\p{N})(?!${JOIN}\\p{N})`;

const RENEWAL_ID = new RegExp(`(?:${PREFIXED}|${BARE})${DIGITS}${AFTER}`, 'iu');

/** Longer messages are cut: nobody types an ID after ten thousand characters. */
const MAX_INPUT = 10_000;

/**
 * Finds a renewal ID in what a user typed and returns it in canonical form (`RNW-` + 8 digits).
 * Accepts any case, with or without the `RNW` prefix, with a dash, space or nothing in between,
 * the 8 digits whole or split 4 + 4, full-width characters (Japanese input methods), and the ID
 * anywhere in a sentence. Refuses longer digit runs (phone numbers), numbers glued to another
 * code (`ORD-55012291`) and pieces of dates or of numbers written in groups.
 *
 * @returns the first renewal ID found, or undefined
 * @example
 * extractRenewalId('my id is rnw 2048 1137 thanks') // 'RNW-20481137'
 * extractRenewalId('2048-1137') // 'RNW-20481137'
 * extractRenewalId('call me on 0612345678') // undefined
 */
export function extractRenewalId(text: string): RenewalId | undefined {
  if (typeof text !== 'string') return undefined;
  const match = RENEWAL_ID.exec(text.slice(0, MAX_INPUT).normalize('NFKC'));
  const head = match?.groups?.['head'];
  const tail = match?.groups?.['tail'];
  const id = head && tail ? `RNW-${head}${tail}` : undefined;
  return id !== undefined && isRenewalId(id) ? id : undefined;
}
