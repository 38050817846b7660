/** The languages the bot speaks: the small shared bottom every layer may import. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/**
 * The bot's language for a channel locale, when it is one of ours.
 *
 * @example
 * langOfLocale('fr-CA') // 'fr'
 * langOfLocale('de-DE') // undefined
 */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const prefix = locale?.trim().slice(0, 2).toLowerCase();
  return isLang(prefix) ? prefix : undefined;
}
