import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { startOfDay } from 'date-fns/startOfDay';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns a `YYYY-MM-DD` calendar date into a Date at local midnight (the server's time zone
 * decides where one day ends), the form every date-fns computation here expects.
 * Throws a RangeError for anything else, so a bad record cannot become `Invalid Date`.
 *
 * @example
 * parseIsoDate('2025-03-31') // Mon Mar 31 2025 00:00:00 (local)
 */
export function parseIsoDate(text: string): Date {
  const date = ISO_DATE.test(text) ? parseISO(text) : new Date(Number.NaN);
  if (!isValid(date) || toIsoDate(date) !== text) throw new RangeError(`Not a calendar date: ${JSON.stringify(text)}`);
  return date;
}

/**
 * The local calendar day of a Date as `YYYY-MM-DD`.
 *
 * @example
 * toIsoDate(new Date(2025, 2, 31, 18, 30)) // '2025-03-31'
 */
export function toIsoDate(date: Date): string {
  return format(startOfDay(date), 'yyyy-MM-dd');
}
