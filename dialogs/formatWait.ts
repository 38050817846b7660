import type { Translate } from './translation.js';

const MINUTE = 60_000;

/**
 * How long until a moment, in words of the user's language ("12 minutes", "2 heures",
 * "1 h 30 min"): a clock time alone ("until 16:55") leaves the user guessing the time zone.
 * Rounded up to the minute, never less than one.
 *
 * @example
 * formatWait(new Date(now.getTime() + 12 * 60_000), now, t) // '12 minutes'
 */
export function formatWait(until: Date, now: Date, t: Translate): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  if (minutes < 60) return t('wait.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('wait.hours', { count: hours }) : t('wait.hoursMinutes', { hours, minutes: rest });
}
