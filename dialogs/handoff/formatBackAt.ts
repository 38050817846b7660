import type { Lang } from '../../knowledge/language/lang.js';

/**
 * When agents are back, as people say it, in the support desk's time zone:
 * "on Monday 7 December at 09:00 (CET)" / « lundi 7 décembre à 09:00 (UTC+1) ».
 *
 * @example
 * formatBackAt(new Date('2026-12-07T08:00:00Z'), 'en', 'Europe/Paris') // 'on Monday 7 December at 09:00 (CET)'
 */
export function formatBackAt(date: Date, lang: Lang, timeZone: string): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(date);
  const part = (type: string) => time.find((p) => p.type === type)?.value ?? '';
  const clock = `${part('hour')}:${part('minute')} (${part('timeZoneName')})`;
  return lang === 'fr' ? `${day} à ${clock}` : `on ${day} at ${clock}`;
}
