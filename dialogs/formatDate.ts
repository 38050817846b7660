// One module per function: the date-fns barrel costs ~0.4 s of start-up.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { Lang } from '../knowledge/language/lang.js';

const LOCALES = { fr, en: enGB } as const;

/**
 * A date as people write it in the language: "9 mai 2016", "9 May 2016".
 *
 * @example
 * formatDate(new Date(2016, 4, 9), 'fr') // '9 mai 2016'
 */
export function formatDate(date: Date, lang: Lang): string {
  return format(date, 'd MMMM yyyy', { locale: LOCALES[lang] });
}

/**
 * Replaces each `{{date:YYYY-MM-DD}}` of a knowledge-base answer with the date written for
 * the language, so the answers keep dates as data rather than as prose.
 *
 * @example
 * formatDateText('since {{date:2016-05-09}}', 'en') // 'since 9 May 2016'
 */
export function formatDateText(text: string, lang: Lang): string {
  return text.replace(/\{\{date:(\d{4}-\d{2}-\d{2})\}\}/g, (match, iso: string) => {
    const date = parseISO(iso);
    return isValid(date) ? formatDate(date, lang) : match;
  });
}

/**
 * A time of day as people write it in the language: "14:05" in both, the date left out.
 *
 * @example
 * formatTime(new Date(2026, 0, 1, 14, 5), 'fr') // '14:05'
 */
export function formatTime(date: Date, lang: Lang): string {
  return format(date, 'HH:mm', { locale: LOCALES[lang] });
}
