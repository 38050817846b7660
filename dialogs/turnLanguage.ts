import { langOfLocale, type Lang } from '../knowledge/language/lang.js';

export { langOfLocale };

export interface LanguageClues {
  /** The language the user chose explicitly ("speak English"), kept in user state. */
  chosen?: Lang;
  /** The language the message itself is written in, when it says. */
  detected?: Lang;
  /** The language of the conversation so far. */
  previous?: Lang;
  /** The channel's locale, e.g. "en-US" (Web Chat, Teams). */
  channelLocale?: string;
  fallback: Lang;
}

/**
 * The one place that decides which language the bot answers in: the user's explicit choice,
 * else the language the message is written in, else the conversation's language so far,
 * else the channel's locale, else the configured default.
 *
 * @example
 * resolveLanguage({ detected: 'fr', channelLocale: 'en-US', fallback: 'en' }) // 'fr'
 */
export function resolveLanguage(clues: LanguageClues): Lang {
  return clues.chosen ?? clues.detected ?? clues.previous ?? langOfLocale(clues.channelLocale) ?? clues.fallback;
}
