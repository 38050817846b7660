import { parseIsoDate } from './calendarDate.js';

/** When the 30-day grace period for late renewals ended; Japan kept it a few months longer. */
const GRACE_PERIOD_ENDED = '2016-05-09';
const GRACE_PERIOD_ENDED_IN_JAPAN = '2016-10-03';

/**
 * The date from which the vendor abolished its 30-day grace period in a region: 9 May 2016,
 * or 3 October 2016 in Japan.
 *
 * @param region ISO 3166-1 alpha-2 country code, any case
 * @example
 * graceNoticeDate('FR') // 2016-05-09 (local midnight)
 * graceNoticeDate('jp') // 2016-10-03 (local midnight)
 */
export function graceNoticeDate(region: string): Date {
  return parseIsoDate(region.trim().toUpperCase() === 'JP' ? GRACE_PERIOD_ENDED_IN_JAPAN : GRACE_PERIOD_ENDED);
}
